//! A cooperative's parameters and their bounds.

use super::*;

#[test]
fn set_parameters_validates_and_stores() {
	build_and_execute(|| {
		let good = CoopParams {
			voting_period: 20,
			quorum: Perbill::from_percent(30),
			approval: Perbill::from_percent(66),
			work_weight: 2,
			care_weight: 3,
			weight_cap: Perbill::from_percent(15),
			care_half_life: 1_000,
			attestations_needed: 3,
			reserve_split: Perbill::from_percent(60),
		};
		assert_ok!(Cooperatives::set_parameters(coop_origin(0), 0, good.clone()));
		assert_eq!(
			last_event(),
			Event::<Test>::ParametersSet { coop: 0, params: good.clone() }.into()
		);
		assert_eq!(Registry::<Test>::get(0).unwrap().params, good);

		let with = |change: fn(&mut CoopParams<u64>)| {
			let mut params = good.clone();
			change(&mut params);
			Cooperatives::set_parameters(coop_origin(0), 0, params)
		};
		assert_noop!(with(|p| p.voting_period = 9), Error::<Test>::InvalidVotingPeriod);
		assert_noop!(with(|p| p.voting_period = 100_001), Error::<Test>::InvalidVotingPeriod);
		assert_noop!(
			with(|p| p.approval = Perbill::from_percent(49)),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(with(|p| p.quorum = Perbill::zero()), Error::<Test>::InvalidThreshold);
		assert_noop!(with(|p| p.work_weight = 101), Error::<Test>::InvalidWeightParameters);
		assert_noop!(with(|p| p.care_weight = u32::MAX), Error::<Test>::InvalidWeightParameters);
		assert_noop!(
			with(|p| p.weight_cap = Perbill::zero()),
			Error::<Test>::InvalidWeightParameters
		);
		assert_noop!(with(|p| p.care_half_life = 0), Error::<Test>::InvalidCareParameters);
		assert_noop!(with(|p| p.attestations_needed = 0), Error::<Test>::InvalidCareParameters);
		assert_noop!(
			Cooperatives::set_parameters(RuntimeOrigin::signed(1), 0, good.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Cooperatives::set_parameters(federation_origin(), 0, good),
			DispatchError::BadOrigin
		);
	});
}
