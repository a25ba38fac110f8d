//! The storage migrations: version-1 polls (no electorate) to version 2, and version-2 polls (no
//! proposer) to version 3, run one after the other as the runtime lists them.

use super::*;
use crate::migrations::{
	v2::{self, old},
	v3,
};
#[cfg(feature = "try-runtime")]
use frame_support::traits::UncheckedOnRuntimeUpgrade;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

fn old_poll(scope: PollScope, voters: u32) -> old::Poll<Test> {
	old::Poll {
		scope,
		depositor: 1,
		deposit: 0,
		proposal: Default::default(),
		end: 1 + VOTING_PERIOD,
		tally: Tally { ayes: voters.into(), nays: 0, voters },
	}
}

#[test]
fn version_one_polls_get_the_electorate_counted_at_the_upgrade() {
	new_test_ext().execute_with(|| {
		StorageVersion::new(1).put::<Pallet<Test>>();
		NextPollId::<Test>::put(3);
		// Cooperative 0 has three members; a poll of cooperative 1 has four votes, one of a
		// member who left before the upgrade; and a federation poll.
		old::Polls::<Test>::insert(0, old_poll(PollScope::Cooperative(0), 1));
		MemberVotes::<Test>::insert(0, 1, MemberVote { aye: true, weight: 1 });
		old::Polls::<Test>::insert(1, old_poll(PollScope::Cooperative(1), 4));
		for who in [4, 5, 6, 16] {
			MemberVotes::<Test>::insert(1, who, MemberVote { aye: true, weight: 1 });
		}
		let federation = PollScope::Federation { track: Track::Federation, proposer: 0 };
		old::Polls::<Test>::insert(2, old_poll(federation, 0));

		#[cfg(feature = "try-runtime")]
		let state = v2::UncheckedMigrateV1ToV2::<Test>::pre_upgrade().expect("pre-upgrade");
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v2::UncheckedMigrateV1ToV2::<Test>::post_upgrade(state).expect("post-upgrade");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		// Version 2's layout is written, which version 3 reads.
		assert!(v2::V2Polls::<Test>::get(0).is_some());
		#[cfg(feature = "try-runtime")]
		let state = v3::UncheckedMigrateV2ToV3::<Test>::pre_upgrade().expect("pre-upgrade");
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		#[cfg(feature = "try-runtime")]
		v3::UncheckedMigrateV2ToV3::<Test>::post_upgrade(state).expect("post-upgrade");
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(Polls::<Test>::iter().count(), 3, "no poll lost");
		let electorate = |poll| Polls::<Test>::get(poll).map(|p| p.electorate);
		assert_eq!(electorate(0), Some(3));
		assert_eq!(electorate(1), Some(4), "never fewer than the votes");
		assert_eq!(electorate(2), Some(3), "the active cooperatives");
		let migrated = Polls::<Test>::get(0).expect("poll 0");
		assert_eq!((migrated.depositor, migrated.end), (1, 1 + VOTING_PERIOD));
		assert_eq!(migrated.proposer, 1, "its depositor as its proposer");
		assert_eq!(migrated.tally, Tally { ayes: 1, nays: 0, voters: 1 });
		Governance::do_try_state().expect("invariants hold after the migration");

		// Each runs once: at version 3 they do nothing.
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(before, sp_io::storage::root(sp_runtime::StateVersion::V1));
	});
}
