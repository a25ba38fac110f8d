//! Migrations of the runtime itself: what no single pallet can do alone.

use crate::{configs::FederationAccount, MutualCredit, Runtime};
use frame_support::{
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::Weight,
};

/// Returns the exchange's credit fees to their cooperatives.
///
/// Until mutual credit's storage version 3, a fee the exchange took in a cooperative's credit
/// went to the federation's keyless account, where no call could ever spend it. Now such a fee
/// goes back to the cooperative's own account; this pays what the federation's account holds of
/// each cooperative's credit back to that cooperative's account (out of circulation), once:
/// while mutual credit's storage is still below version 3, so it must run before
/// `pallet_mutual_credit::migrations::v3::MigrateV2ToV3`.
pub struct ReturnFederationCreditFees;

impl OnRuntimeUpgrade for ReturnFederationCreditFees {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if MutualCredit::on_chain_storage_version() >= StorageVersion::new(3) {
			return db.reads(1);
		}
		let federation = FederationAccount::get();
		let (mut read, mut written) = (1u64, 0u64);
		for coop in pallet_cooperatives::Registry::<Runtime>::iter_keys() {
			read = read.saturating_add(3);
			if MutualCredit::return_to_cooperative(coop, &federation) {
				written = written.saturating_add(2);
			}
		}
		db.reads_writes(read, written)
	}
}

/// Provides for the members a chain had before the member quota came.
///
/// `pallet-member-quota` gives each member a provider reference when it joins, so that a member
/// holding no CONF still exists for its nonce. Members who joined before the pallet was in the
/// runtime never got one: this counts every membership once (while the pallet's storage is at
/// version 0, which it then sets to 1), as if each member had just joined.
pub struct ProvideForExistingMembers;

impl OnRuntimeUpgrade for ProvideForExistingMembers {
	fn on_runtime_upgrade() -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		if crate::MemberQuota::on_chain_storage_version() >= StorageVersion::new(1) {
			return db.reads(1);
		}
		let counted = crate::MemberQuota::provide_for_members(
			pallet_cooperatives::Members::<Runtime>::iter_keys(),
		);
		StorageVersion::new(1).put::<crate::MemberQuota>();
		// Each membership: read; its account's count and provider reference: read and written.
		db.reads_writes(counted.saturating_mul(3).saturating_add(1), counted.saturating_mul(2))
	}
}
