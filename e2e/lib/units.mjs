// The chain's units, as the runtime counts them. Tests say amounts in hours and CONF and
// convert here, never with numbers of their own.

/** Credit units per hour of work: a currency's unit is a hundredth of an hour (`CREDIT_PER_HOUR`). */
export const HOUR = 100n;

/** Native units per CONF (12 decimals). */
export const UNIT = 10n ** 12n;

/** FixedU128's one: the inner value of a rate or a price of exactly 1. */
export const FIXED = 10n ** 18n;

/** A price of `conf` CONF per hour of credit: native units per unit of credit, as FixedU128's inner value. */
export const perHour = (conf) => conf * UNIT / HOUR * FIXED;
