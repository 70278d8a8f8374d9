/**
 * The Communications Credits wallet (R-FUND): funding lots that expire 12 months after purchase, an
 * append-only ledger, allocations recording which lot paid which charge, and the invariant that the
 * balance equals the sum of the ledger and the sum of lot remainders minus any negative amount.
 */
package com.commcredits.wallet;
