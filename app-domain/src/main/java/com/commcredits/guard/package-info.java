/**
 * The spend guard (R-GUARD): per-user monthly caps, the organisation's international toll-fraud
 * brake over a rolling hour and 24 hours, and the counters both are read against. Rating writes the
 * counters in the transaction that charges the calls; authorisation reads them without a lock.
 */
package com.commcredits.guard;
