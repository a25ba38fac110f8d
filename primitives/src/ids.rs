//! Identifiers: of a cooperative, of a poll, of an asset.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The identifier of a cooperative, and of its one mutual-credit currency.
pub type CoopId = u32;

/// The identifier of a poll.
pub type PollId = u32;

/// An asset, wherever one is named (exchange, reserves).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum AssetKind {
	/// The native token, CONF.
	Native,
	/// A cooperative's mutual-credit currency.
	Credit(CoopId),
}
