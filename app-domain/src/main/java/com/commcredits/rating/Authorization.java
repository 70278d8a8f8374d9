package com.commcredits.rating;

import com.commcredits.catalog.PoolKind;

/**
 * The answer to "may this call be placed?" (R-RATE-2): allowed or not, who pays first (a pool of a
 * country and kind, or the wallet), the longest duration the pool plus the balance covers, and why
 * not.
 */
public record Authorization(
    boolean allowed,
    PayerType payerType,
    String country,
    PoolKind poolKind,
    long maxDurationSeconds,
    String reason) {

  /** Who pays for the first minute of the call. */
  public enum PayerType {
    POOL,
    WALLET
  }

  static Authorization refused(String reason) {
    return new Authorization(false, null, null, null, 0, reason);
  }
}
