//! What pallet-session asks of this pallet: the validators of each new session
//! ([`SessionManager`]), and how long a session is ([`CurrentSessionLength`], for
//! `PeriodicSessions`).
//!
//! pallet-session calls, at genesis, `new_session_genesis(0)`, `new_session_genesis(1)` and
//! `start_session(0)`; then, at the first block of each session `n + 1`, `end_session(n)`,
//! `start_session(n + 1)` and `new_session(n + 2)`. What `new_session` returns validates from
//! the session after the one starting: a change made during session `n` validates from session
//! `n + 2`. `None` keeps the validators of the session starting.

use crate::{Config, Pallet, SessionIndex, SessionLength};
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_session::SessionManager;

impl<T: Config> SessionManager<T::AccountId> for Pallet<T> {
	/// The validators of the set with session keys if there are at least `MinValidators` of
	/// them; else `None`: pallet-session keeps the current ones.
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan_session(new_index, false)
	}

	/// At genesis, the validators of the genesis set with keys, however few (a development
	/// chain has one); `None` if none has keys (pallet-session then takes its genesis `keys`).
	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan_session(new_index, true)
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(start_index: SessionIndex) {
		Self::start_planned_session(start_index)
	}
}

/// The session length in storage ([`SessionLength`]), as the `Get` that
/// `pallet_session::PeriodicSessions<Period, Offset>` takes for `Period`:
/// `PeriodicSessions<CurrentSessionLength<Runtime>, ConstU32<0>>` as both `ShouldEndSession`
/// and `NextSessionRotation` ends a session at every multiple of the length.
pub struct CurrentSessionLength<T>(PhantomData<T>);

impl<T: Config> Get<BlockNumberFor<T>> for CurrentSessionLength<T> {
	fn get() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}
}
