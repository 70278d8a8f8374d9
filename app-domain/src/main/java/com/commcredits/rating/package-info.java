/**
 * Rating (R-RATE): rate cards with longest-prefix rates per call kind, E.164 numbers and their
 * countries, and call authorisation: who pays (a pool or the wallet) and for how long.
 */
package com.commcredits.rating;
