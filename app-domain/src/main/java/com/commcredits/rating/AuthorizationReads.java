package com.commcredits.rating;

import com.commcredits.catalog.PoolKind;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What call authorisation reads, in as few round trips as it can (SPEC "How fast": p99 under 10 ms
 * at 500 requests/s): the organisation with its wallet's balance, the caller with the licences
 * held, and the minutes left in one pool. Reads only; nothing is locked.
 */
public interface AuthorizationReads {
  /**
   * The organisation's currency and zone, its wallet balance (empty when it has no wallet) net of
   * lots whose expiry instant has come even if their expiry is not written yet (R-FUND-10), and the
   * caller asked for (empty when there is no such user, or none was asked for).
   */
  record OrganisationFacts(
      SupportedCurrency currency,
      ZoneId zone,
      Optional<BigDecimal> walletBalance,
      Optional<UserFacts> user) {}

  /** A directory user with the SKUs of the licences assigned to them now. */
  record UserFacts(long id, boolean blocked, String usageLocation, Set<String> skus) {}

  /**
   * The organisation and, in the same round trip, the user of a (normalised) UPN if one is given;
   * the balance leaves out lots expired at {@code balanceAt}.
   */
  Optional<OrganisationFacts> organisation(
      long organisationId, String normalisedUpn, Instant balanceAt);

  /**
   * Minutes left in the pool of a country and kind for a month, with capacity as assigned at {@code
   * capacityAt}.
   */
  long availableMinutes(
      long organisationId, String country, PoolKind kind, YearMonth month, Instant capacityAt);
}
