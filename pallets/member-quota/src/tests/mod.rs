//! Unit tests of the member quota: the quota and its bounds, periods, the fee extension (free,
//! paid, refused), and the provider reference members get.

mod deposits;
mod extension;
mod membership;
mod quota;

use crate::{mock::*, *};
use confoederatio_test_kit::coop_origin;
use frame_support::{assert_noop, assert_ok};
