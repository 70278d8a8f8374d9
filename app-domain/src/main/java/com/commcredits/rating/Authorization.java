package com.commcredits.rating;

import com.commcredits.catalog.PoolKind;
import com.commcredits.guard.Allowances;

/**
 * The answer to "may this call be placed?" (R-RATE-2): allowed or not, who pays first (a pool of a
 * country and kind, or the wallet), the longest duration the pool plus the balance covers, and why
 * not. {@code limitedBy} names the spend guard limit (R-GUARD-2) that refused the call or bounded
 * its duration, if one did.
 */
public record Authorization(
    boolean allowed,
    PayerType payerType,
    String country,
    PoolKind poolKind,
    long maxDurationSeconds,
    String reason,
    String limitedBy) {

  /** Who pays for the first minute of the call. */
  public enum PayerType {
    POOL,
    WALLET
  }

  static Authorization refused(String reason) {
    return new Authorization(false, null, null, null, 0, reason, null);
  }

  /** Refused by a spend guard limit (R-GUARD-2): the reason is the limit's code. */
  static Authorization refused(Allowances.Reason limit) {
    return new Authorization(false, null, null, null, 0, limit.name(), limit.name());
  }
}
