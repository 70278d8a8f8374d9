/**
 * Rating (R-RATE): rate cards with longest-prefix rates per call kind, E.164 numbers and their
 * countries, and call authorisation: who pays (a pool or the wallet) and for how long. Rating a
 * batch locks the organisation, the wallet, then the pools, as the lock order of {@link
 * com.commcredits.wallet} says.
 */
package com.commcredits.rating;
