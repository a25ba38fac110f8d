//! The types the cooperatives pallet stores, and the rules that belong to them: whether a
//! cooperative is active or pending, how its status moves (admission only once every founder
//! confirmed, handing back the deposit), how its member count moves (not while it is pending),
//! and what deposit it must hold. The calls, `do_try_state` and the `Cooperatives` trait all use
//! these methods.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use confoederatio_primitives::CoopParams;
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_runtime::traits::Zero;

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

/// The named founders of a pending cooperative who confirmed that they found it, each once (the
/// applicant confirms by applying); at most `MaxFounders`. Kept only while the cooperative is
/// pending ([`crate::Confirmations`]).
pub type ConfirmationsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxFounders>;

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
	/// Who applied (and, while the cooperative is pending, whose deposit is held).
	pub applicant: T::AccountId,
	/// The deposit held from the applicant while the cooperative is pending; zero once it is
	/// admitted ([`Cooperative::admit`] hands it back for release).
	pub deposit: BalanceOf<T>,
	/// How many members it has (the `Members` entries under its id). While it is pending, its
	/// members are exactly its named founders.
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

	/// Whether it is `Pending`: an application whose members are its named founders, fixed until
	/// the federation admits or rejects it (or a founder declines).
	pub fn is_pending(&self) -> bool {
		self.status == CoopStatus::Pending
	}

	/// `Pending` → `Active`, once every named founder confirmed: `confirmed` founders of its
	/// `member_count` (a pending cooperative's members are its founders; `NotPending`,
	/// `FoundersNotConfirmed`). Returns the application deposit, which the caller releases: an
	/// admitted cooperative holds none.
	pub fn admit(&mut self, confirmed: &ConfirmationsOf<T>) -> Result<BalanceOf<T>, Error<T>> {
		self.ensure_pending()?;
		if !self.all_founders_confirmed(confirmed) {
			return Err(Error::FoundersNotConfirmed);
		}
		self.change_status(CoopStatus::Pending, CoopStatus::Active)?;
		Ok(core::mem::replace(&mut self.deposit, Zero::zero()))
	}

	/// Whether `confirmed` (distinct founders of this pending cooperative) are all its founders.
	pub fn all_founders_confirmed(&self, confirmed: &ConfirmationsOf<T>) -> bool {
		u32::try_from(confirmed.len()).is_ok_and(|confirmed| confirmed >= self.member_count)
	}

	/// The application deposit that must be held for it from the applicant: its deposit while
	/// pending, nothing once admitted.
	pub fn held_deposit(&self) -> BalanceOf<T> {
		if self.is_pending() {
			self.deposit
		} else {
			Zero::zero()
		}
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

	/// Counts one more member, at most `max_members` (`TooManyMembers`). A pending cooperative's
	/// members are its named founders and do not change (`ApplicationPending`).
	pub fn count_joined(&mut self, max_members: u32) -> Result<(), Error<T>> {
		self.ensure_not_pending()?;
		if self.member_count >= max_members {
			return Err(Error::TooManyMembers);
		}
		self.member_count = self.member_count.saturating_add(1);
		Ok(())
	}

	/// Counts one member less; the last member stays (`LastMember`). A named founder of a
	/// pending cooperative does not leave it but declines (`ApplicationPending`): leaving would
	/// take a founder out of the application while its confirmation stayed counted.
	pub fn count_left(&mut self) -> Result<(), Error<T>> {
		self.ensure_not_pending()?;
		if self.member_count <= 1 {
			return Err(Error::LastMember);
		}
		self.member_count = self.member_count.saturating_sub(1);
		Ok(())
	}

	/// Ensures its membership may change: not while it is `Pending` (`ApplicationPending`).
	fn ensure_not_pending(&self) -> Result<(), Error<T>> {
		if self.is_pending() {
			return Err(Error::ApplicationPending);
		}
		Ok(())
	}
}
