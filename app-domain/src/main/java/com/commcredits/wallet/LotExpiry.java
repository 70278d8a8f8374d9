package com.commcredits.wallet;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The nightly expiry of one wallet (R-FUND-4): locks it, which expires its due lots (each lot's
 * remainder leaves through an expiry entry, with an email per lot and one audit entry; nothing is
 * deleted). Charges, fundings and adjustments do the same when they lock the wallet (R-FUND-10), so
 * the job only writes what is already true and finds nothing left where they came first.
 */
@Stateless
public class LotExpiry {
  @Inject WalletLocks locks;

  /** Expires the wallet's lots whose 12 months have passed (R-FUND-4); returns how many. */
  public int expireLots(long walletId) {
    return locks.expireDueLots(walletId);
  }
}
