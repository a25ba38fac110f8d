//! Members' reputations: read decayed to now ([`Pallet::reputation`], also the runtime API's
//! and Governance's answer through [`CareLedger`]), taken away by the cooperative
//! ([`Pallet::do_revoke`]), dropped when a member leaves ([`MembershipHooks::on_left`]), with the
//! notes confirmed for the member.

use crate::*;
use confoederatio_primitives::{CareLedger, MembershipHooks};

impl<T: Config> Pallet<T> {
	/// `member`'s reputation in `coop` now, in whole points (rounded down): what the runtime API
	/// `CareReputationApi::reputation` and [`CareLedger::reputation`] answer.
	pub fn reputation(coop: CoopId, member: &T::AccountId) -> u128 {
		Self::milli_points(coop, member) / MILLI_POINTS_PER_POINT
	}

	/// `member`'s reputation in `coop` now, in milli-points: its [`CareSnapshot`] decayed to now
	/// with the cooperative's half-life (no decay if the cooperative is gone).
	pub fn milli_points(coop: CoopId, member: &T::AccountId) -> u128 {
		let Some(snapshot) = Reputation::<T>::get(coop, member) else { return 0 };
		snapshot.decayed_to(frame_system::Pallet::<T>::block_number(), Self::half_life(coop))
	}

	/// The half-life of care in `coop`, in blocks: the cooperative's parameter, or zero (no
	/// decay) if the cooperative is gone.
	pub fn half_life(coop: CoopId) -> BlockNumberFor<T> {
		T::Cooperatives::params(coop).map_or_else(Zero::zero, |params| params.care_half_life)
	}

	/// Takes `points` away from `member`'s reputation in `coop`, never more than it holds now.
	/// Does not check the origin.
	pub fn do_revoke(coop: CoopId, member: T::AccountId, points: u32) -> DispatchResult {
		ensure!(points > 0, Error::<T>::ZeroPoints);
		T::Cooperatives::ensure_exists(coop).map_err(Error::<T>::from)?;
		let left = Self::milli_points(coop, &member)
			.checked_sub(milli_points_of(points))
			.ok_or(Error::<T>::RevokeExceedsReputation)?;
		Self::set_milli_points(coop, &member, left);
		Self::deposit_event(Event::Revoked { coop, member, points });
		Ok(())
	}

	/// Stores `member`'s reputation in `coop` as `milli_points` as of now (none if zero).
	pub(crate) fn set_milli_points(coop: CoopId, member: &T::AccountId, milli_points: u128) {
		if milli_points.is_zero() {
			Reputation::<T>::remove(coop, member);
		} else {
			let updated = frame_system::Pallet::<T>::block_number();
			Reputation::<T>::insert(coop, member, CareSnapshot { milli_points, updated });
		}
	}
}

impl<T: Config> CareLedger<T::AccountId> for Pallet<T> {
	fn reputation(coop: CoopId, who: &T::AccountId) -> u128 {
		Self::reputation(coop, who)
	}
}

/// Leaving a cooperative drops the reputation held there, the notes confirmed for the member and
/// the attester's usage.
impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
	fn on_joined(_: CoopId, _: &T::AccountId) {}

	fn can_leave(_: CoopId, _: &T::AccountId) -> DispatchResult {
		Ok(())
	}

	fn on_left(coop: CoopId, who: &T::AccountId) {
		Reputation::<T>::remove(coop, who);
		ConfirmedNotes::<T>::remove(coop, who);
		AttesterUsage::<T>::remove(coop, who);
	}
}
