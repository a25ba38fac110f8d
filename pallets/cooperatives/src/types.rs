//! The types the cooperatives pallet stores, and the rules that belong to them: whether a
//! cooperative is active, how its status moves, how its member count moves. The calls,
//! `do_try_state` and the `Cooperatives` trait all use these methods.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use confoederatio_primitives::CoopParams;
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;

use crate::{BalanceOf, Config, Error};

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

impl CoopStatus {
	/// Ensures the status is `expected`; the error names what was expected (`NotPending`,
	/// `NotActive`, `NotSuspended`).
	pub fn ensure<T>(self, expected: CoopStatus) -> Result<(), Error<T>> {
		if self == expected {
			return Ok(());
		}
		Err(match expected {
			CoopStatus::Pending => Error::NotPending,
			CoopStatus::Active => Error::NotActive,
			CoopStatus::Suspended => Error::NotSuspended,
		})
	}
}

impl<T: Config> Cooperative<T> {
	/// Whether it is active: admitted and not suspended. Only an active cooperative acts, and
	/// `ActiveCount` counts these.
	pub fn is_active(&self) -> bool {
		self.status == CoopStatus::Active
	}

	/// Ensures it is `Pending` (`NotPending`): only an application can be rejected.
	pub fn ensure_pending(&self) -> Result<(), Error<T>> {
		self.status.ensure(CoopStatus::Pending)
	}

	/// `Pending` → `Active`.
	pub fn admit(&mut self) -> Result<(), Error<T>> {
		self.change_status(CoopStatus::Pending, CoopStatus::Active)
	}

	/// `Active` → `Suspended`.
	pub fn suspend(&mut self) -> Result<(), Error<T>> {
		self.change_status(CoopStatus::Active, CoopStatus::Suspended)
	}

	/// `Suspended` → `Active`.
	pub fn reinstate(&mut self) -> Result<(), Error<T>> {
		self.change_status(CoopStatus::Suspended, CoopStatus::Active)
	}

	/// Moves the status from `from` to `to`; an error if it is not `from`.
	fn change_status(&mut self, from: CoopStatus, to: CoopStatus) -> Result<(), Error<T>> {
		self.status.ensure(from)?;
		self.status = to;
		Ok(())
	}

	/// Counts one more member, at most `max_members` (`TooManyMembers`).
	pub fn count_joined(&mut self, max_members: u32) -> Result<(), Error<T>> {
		if self.member_count >= max_members {
			return Err(Error::TooManyMembers);
		}
		self.member_count = self.member_count.saturating_add(1);
		Ok(())
	}

	/// Counts one member less; the last member stays (`LastMember`).
	pub fn count_left(&mut self) -> Result<(), Error<T>> {
		if self.member_count <= 1 {
			return Err(Error::LastMember);
		}
		self.member_count = self.member_count.saturating_sub(1);
		Ok(())
	}
}
