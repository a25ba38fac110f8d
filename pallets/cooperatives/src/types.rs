//! The types the cooperatives pallet stores.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use confoederatio_primitives::CoopParams;
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;

use crate::{BalanceOf, Config};

/// Where a cooperative stands in the federation.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum CoopStatus {
	/// Applied; waiting for the federation to admit it. It cannot act yet.
	Pending,
	/// Admitted: a member of the federation, acting through its members' polls.
	Active,
	/// Suspended by the federation: it cannot act or vote until reinstated.
	Suspended,
}

/// A cooperative's name: UTF-8 is expected but not enforced, at most `MaxNameLength` bytes.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;

/// A cooperative.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Cooperative<T: Config> {
	/// The name it applied with.
	pub name: NameOf<T>,
	/// Pending, active or suspended.
	pub status: CoopStatus,
	/// Who applied, and holds the application deposit.
	pub applicant: T::AccountId,
	/// The deposit held from the applicant while the cooperative exists.
	pub deposit: BalanceOf<T>,
	/// How many members it has (the `Members` entries under its id).
	pub member_count: u32,
	/// What it decided about itself.
	pub params: CoopParams<frame_system::pallet_prelude::BlockNumberFor<T>>,
}
