//! The origins of collective decisions, and the types that require them.
//!
//! Only Governance creates a [`CollectiveOrigin`], after a poll. A pallet requires one through
//! its `Config`:
//! - [`EnsureCooperative`] as `EnsureOriginWithArg<O, CoopId>`: "this cooperative decided",
//!   for a call about a cooperative it names (`set_credit_limit(coop, ..)`); any other origin,
//!   another cooperative's among them, is `BadOrigin`. As a plain `EnsureOrigin` it succeeds
//!   with the deciding cooperative's id, for a call that does not name one (a cooperative
//!   proposing to, or voting in, the federation).
//! - [`EnsureFederation`]: a majority of the federation's cooperatives (or two thirds).
//! - [`EnsureFederationSupermajority`]: two thirds of them (runtime upgrades).

use crate::CoopId;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, EnsureOriginWithArg, OriginTrait};
use scale_info::TypeInfo;

/// The origins of collective decisions. Only the governance pallet creates them, after a poll.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum CollectiveOrigin {
	/// A cooperative acting after its own members' vote.
	Cooperative(CoopId),
	/// The federation, after a simple majority of its active cooperatives.
	Federation,
	/// The federation, after two thirds of its active cooperatives (runtime upgrades).
	FederationSupermajority,
}

/// Requires a cooperative's decision: [`CollectiveOrigin::Cooperative`]. As `EnsureOrigin` it
/// succeeds with the cooperative's id; as `EnsureOriginWithArg<O, CoopId>` only for the
/// cooperative named.
pub struct EnsureCooperative<O>(PhantomData<O>);
/// Requires [`CollectiveOrigin::Federation`] (or the supermajority, which is more).
pub struct EnsureFederation<O>(PhantomData<O>);
/// Requires [`CollectiveOrigin::FederationSupermajority`].
pub struct EnsureFederationSupermajority<O>(PhantomData<O>);

/// The collective origin `origin` carries, if any.
fn collective<O>(origin: &O) -> Option<&CollectiveOrigin>
where
	O: OriginTrait,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	origin.caller().try_into().ok()
}

impl<O> EnsureOrigin<O> for EnsureCooperative<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = CoopId;

	fn try_origin(origin: O) -> Result<CoopId, O> {
		let coop = match collective(&origin) {
			Some(CollectiveOrigin::Cooperative(coop)) => Some(*coop),
			_ => None,
		};
		coop.ok_or(origin)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::Cooperative(0)))
	}
}

impl<O> EnsureOriginWithArg<O, CoopId> for EnsureCooperative<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = ();

	fn try_origin(origin: O, coop: &CoopId) -> Result<(), O> {
		let decided = matches!(collective(&origin), Some(CollectiveOrigin::Cooperative(acting)) if acting == coop);
		if decided {
			Ok(())
		} else {
			Err(origin)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(coop: &CoopId) -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::Cooperative(*coop)))
	}
}

impl<O> EnsureOrigin<O> for EnsureFederation<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = ();

	fn try_origin(origin: O) -> Result<(), O> {
		let federation = matches!(
			collective(&origin),
			Some(CollectiveOrigin::Federation | CollectiveOrigin::FederationSupermajority)
		);
		if federation {
			Ok(())
		} else {
			Err(origin)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::Federation))
	}
}

impl<O> EnsureOrigin<O> for EnsureFederationSupermajority<O>
where
	O: OriginTrait + From<CollectiveOrigin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a CollectiveOrigin>,
{
	type Success = ();

	fn try_origin(origin: O) -> Result<(), O> {
		if matches!(collective(&origin), Some(CollectiveOrigin::FederationSupermajority)) {
			Ok(())
		} else {
			Err(origin)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(CollectiveOrigin::FederationSupermajority))
	}
}
