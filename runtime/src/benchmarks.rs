//! The pallets whose benchmarks run in this runtime (`--features runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_cooperatives, Cooperatives]
	[pallet_holistic_voting, Governance]
	[pallet_mutual_credit, MutualCredit]
	[pallet_care_reputation, CareReputation]
	[pallet_redemption, Redemption]
	[pallet_federated_dex, Dex]
	[pallet_member_quota, MemberQuota]
	[pallet_validator_set, ValidatorSet]
);
