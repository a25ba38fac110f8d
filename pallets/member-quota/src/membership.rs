//! Members exist for the chain without holding the native token: this pallet provides for every
//! member (one provider reference, whatever the number of its cooperatives), so that its nonce
//! is kept and its transactions pass `CheckNonce`.

use crate::{Config, Pallet, Provided};
use confoederatio_primitives::{CoopId, MembershipHooks};
use sp_runtime::DispatchResult;

impl<T: Config> MembershipHooks<T::AccountId> for Pallet<T> {
	/// The first cooperative an account joins makes this pallet provide for it.
	fn on_joined(_coop: CoopId, who: &T::AccountId) {
		Provided::<T>::mutate(who, |memberships| {
			if !Provided::<T>::contains_key(who) {
				frame_system::Pallet::<T>::inc_providers(who);
			}
			*memberships = memberships.saturating_add(1);
		});
	}

	/// The quota never keeps a member.
	fn can_leave(_coop: CoopId, _who: &T::AccountId) -> DispatchResult {
		Ok(())
	}

	/// When the account leaves its last cooperative, its provider reference goes, unless
	/// something else still depends on the account (it holds funds on hold, for example, with
	/// no other provider): then the reference stays, the entry at zero, until it joins again.
	/// Its count of free transactions stays, so leaving and rejoining restarts nothing.
	fn on_left(_coop: CoopId, who: &T::AccountId) {
		let Some(memberships) = Provided::<T>::get(who).checked_sub(1) else { return };
		if memberships > 0 {
			Provided::<T>::insert(who, memberships);
			return;
		}
		match frame_system::Pallet::<T>::dec_providers(who) {
			Ok(_) => Provided::<T>::remove(who),
			Err(_) => Provided::<T>::insert(who, 0),
		}
	}
}
