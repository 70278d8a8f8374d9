package com.commcredits.rating;

import com.commcredits.catalog.PoolKind;
import com.commcredits.guard.Allowances;
import com.commcredits.guard.SpendControls;
import com.commcredits.guard.UserMonthSpend;
import com.commcredits.guard.UserSpendLimit;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What call authorisation reads, in as few round trips as it can (SPEC "How fast": p99 under 10 ms
 * at 1,000 requests/s with spend caps set): the organisation with its wallet's balance and its
 * toll-fraud brake, the caller with the licences held and their spend caps (R-GUARD-2) in one; the
 * minutes left in one pool in another. Reads only; nothing is locked.
 */
public interface AuthorizationReads {
  /**
   * The organisation's currency and zone, its wallet balance (empty when it has no wallet) net of
   * lots whose expiry instant has come even if their expiry is not written yet (R-FUND-10), and the
   * caller asked for (empty when there is no such user, or none was asked for); the brake's
   * settings and the international spend in the rolling hour and 24 hours before the call.
   */
  record OrganisationFacts(
      SupportedCurrency currency,
      ZoneId zone,
      Optional<BigDecimal> walletBalance,
      Optional<UserFacts> user,
      SpendControls controls,
      BigDecimal internationalLastHour,
      BigDecimal internationalLastDay) {

    /** The spend guard's allowances for the user's call (R-GUARD-2). */
    public Allowances allowances(UserFacts caller) {
      return new Allowances(
          caller.limit(),
          caller.monthSpend(),
          controls,
          internationalLastHour,
          internationalLastDay);
    }
  }

  /**
   * A directory user with the SKUs of the licences assigned to them now, their spend caps and their
   * counters of the month the call is placed in (the organisation's zone).
   */
  record UserFacts(
      long id,
      boolean blocked,
      String usageLocation,
      Set<String> skus,
      UserSpendLimit limit,
      UserMonthSpend monthSpend) {}

  /**
   * The organisation and, in the same round trip, the user of a (normalised) UPN if one is given;
   * the balance leaves out lots expired at {@code balanceAt}; the month's counters and the brake's
   * windows are those of a call placed at {@code callAt}.
   */
  Optional<OrganisationFacts> organisation(
      long organisationId, String normalisedUpn, Instant balanceAt, Instant callAt);

  /**
   * Minutes left in the pool of a country and kind for a month, with capacity as assigned at {@code
   * capacityAt}.
   */
  long availableMinutes(
      long organisationId, String country, PoolKind kind, YearMonth month, Instant capacityAt);
}
