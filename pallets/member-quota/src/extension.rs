//! The fee extension: `ChargeTransactionPayment`, unless the transaction is a member's free one.
//!
//! [`ChargeUnlessFree`] wraps the payment pallet's `ChargeTransactionPayment` and keeps its
//! identifier, its encoding (the tip) and its type in the metadata, so wallets sign it as the
//! extension they know: nothing new for a client. For each signed transaction:
//! - **validate** (the pool, and again in the block): with no tip, if the call is the signer's
//!   own act in a cooperative it belongs to and it has free transactions left there
//!   ([`Pallet::free_in`]), the transaction is valid without a fee. Otherwise the wrapped
//!   extension decides: the fee must be payable (`InvalidTransaction::Payment` if not).
//! - **prepare** (in the block, before dispatch): a free transaction is counted
//!   ([`Pallet::use_free`]). This runs outside the call's storage layer, so the count stays
//!   even if the call fails: failing free transactions stop at the quota.
//! - **post-dispatch**: a free transaction emits `FreeTransaction` (no fee was charged, so no
//!   `TransactionFeePaid`); a paid one settles its fee as the wrapped extension does.

use crate::{Config, Event, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use confoederatio_primitives::{CoopId, MemberActs};
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	pallet_prelude::{Get, TransactionSource, Weight},
	CloneNoBound, EqNoBound, PartialEqNoBound,
};
use pallet_transaction_payment::{ChargeTransactionPayment, OnChargeTransaction};
use scale_info::{Type, TypeInfo};
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult, Zero,
	},
	transaction_validity::{TransactionValidityError, ValidTransaction},
	DispatchResult,
};

/// The native balance the payment pallet charges fees in.
pub type FeeBalanceOf<T> = <<T as pallet_transaction_payment::Config>::OnChargeTransaction as OnChargeTransaction<T>>::Balance;

/// `ChargeTransactionPayment`, unless the transaction is a member's free one (see the module
/// documentation). Encoded, and described in the metadata, exactly as the wrapped extension.
#[derive(Encode, Decode, DecodeWithMemTracking, CloneNoBound, EqNoBound, PartialEqNoBound)]
pub struct ChargeUnlessFree<T: Config>(pub ChargeTransactionPayment<T>);

impl<T: Config> ChargeUnlessFree<T>
where
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	FeeBalanceOf<T>: Send + Sync,
{
	/// The extension with `tip`, as a client would build it.
	pub fn from(tip: FeeBalanceOf<T>) -> Self {
		Self(ChargeTransactionPayment::from(tip))
	}

	/// The tip the signer offers (a transaction with a tip is never free).
	pub fn tip(&self) -> FeeBalanceOf<T> {
		self.0.tip()
	}

	/// The cooperative whose quota makes `call`, signed by `who` with this extension, free now:
	/// no tip, and [`Pallet::free_in`]. `None`: it pays. What `validate` decides, and what the
	/// runtime's fee query reports.
	pub fn free_for(
		&self,
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
	) -> Option<CoopId> {
		if self.tip().is_zero() {
			Pallet::<T>::free_in(who, call)
		} else {
			None
		}
	}
}

/// The metadata describes the wrapped extension's type, so that clients see nothing new.
impl<T: Config> TypeInfo for ChargeUnlessFree<T> {
	type Identity = ChargeTransactionPayment<T>;

	fn type_info() -> Type {
		ChargeTransactionPayment::<T>::type_info()
	}
}

impl<T: Config> core::fmt::Debug for ChargeUnlessFree<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "ChargeUnlessFree<{:?}>", self.0)
	}
}

/// What validation found: a free transaction of `who` in `coop`, or the wrapped extension's.
pub enum Val<T: Config> {
	/// A member's free transaction.
	Free {
		/// The cooperative whose quota it uses.
		coop: CoopId,
		/// The member.
		who: T::AccountId,
	},
	/// A paid transaction (or an unsigned one), as the wrapped extension validated it.
	Charge(pallet_transaction_payment::Val<T>),
}

/// What preparing left for after dispatch.
pub enum Pre<T: Config> {
	/// A member's free transaction, counted, with what the member has left.
	Free {
		/// The cooperative whose quota it used.
		coop: CoopId,
		/// The member.
		who: T::AccountId,
		/// Free transactions left after it.
		left: u32,
		/// The wrapped extension's weight, which a free transaction does not use.
		refund: Weight,
	},
	/// A paid transaction, as the wrapped extension prepared it.
	Charge(pallet_transaction_payment::Pre<T>),
}

impl<T: Config> TransactionExtension<<T as frame_system::Config>::RuntimeCall> for ChargeUnlessFree<T>
where
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
	FeeBalanceOf<T>: Send + Sync,
{
	const IDENTIFIER: &'static str =
		<ChargeTransactionPayment<T> as TransactionExtension<
			<T as frame_system::Config>::RuntimeCall,
		>>::IDENTIFIER;
	type Implicit = ();
	type Val = Val<T>;
	type Pre = Pre<T>;

	/// The wrapped extension's weight; for a call that may be a member's act with no tip, also
	/// the check and count of a free transaction and the reads the runtime makes to tell the
	/// call's cooperative (the poll voted in, the order cancelled: [`MemberActs::reads_to_tell`]).
	/// A free transaction is refunded the wrapped extension's weight after dispatch; any other
	/// call (a token transfer, a collective's call) is not charged for a check it never makes.
	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		let payment = self.0.weight(call);
		let Some(reads) = T::MemberActs::reads_to_tell(call).filter(|_| self.tip().is_zero())
		else {
			return payment;
		};
		payment
			.saturating_add(<T as Config>::WeightInfo::free_transaction())
			.saturating_add(<T as frame_system::Config>::DbWeight::get().reads(reads))
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		len: usize,
		_: (),
		implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		if let Ok(who) = frame_system::ensure_signed(origin.clone()) {
			if let Some(coop) = self.free_for(&who, call) {
				return Ok((ValidTransaction::default(), Val::Free { coop, who }, origin));
			}
		}
		let (valid, val, origin) =
			self.0.validate(origin, call, info, len, (), implication, source)?;
		Ok((valid, Val::Charge(val), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		match val {
			Val::Free { coop, who } => {
				let left = Pallet::<T>::use_free(coop, &who);
				Ok(Pre::Free { coop, who, left, refund: self.0.weight(call) })
			},
			Val::Charge(val) => Ok(Pre::Charge(self.0.prepare(val, origin, call, info, len)?)),
		}
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		match pre {
			Pre::Free { coop, who, left, refund } => {
				Pallet::<T>::deposit_event(Event::FreeTransaction { coop, who, left });
				Ok(refund)
			},
			Pre::Charge(pre) => ChargeTransactionPayment::<T>::post_dispatch_details(
				pre, info, post_info, len, result,
			),
		}
	}
}
