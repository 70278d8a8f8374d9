package com.commcredits.guard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What authorisation reads for one call in one round trip (R-GUARD-2): the caller's caps and this
 * month's counters, and the organisation's brake with its spend in the rolling hour and 24 hours.
 */
public record Allowances(
    UserSpendLimit userLimit,
    UserMonthSpend userSpend,
    SpendControls controls,
    BigDecimal internationalLastHour,
    BigDecimal internationalLastDay) {

  /** Why a call is refused or bounded: the limit whose remainder is the smallest. */
  public enum Reason {
    USER_SPEND_LIMIT,
    USER_INTERNATIONAL_LIMIT,
    ORGANISATION_HOURLY_LIMIT,
    ORGANISATION_DAILY_LIMIT
  }

  /** A limit that applies to a call and what of it remains (never below zero). */
  public record Remaining(Reason reason, BigDecimal amount) {}

  /** The remainders that apply to a wallet-paid call, international or not. */
  public List<Remaining> remaining(boolean international) {
    List<Remaining> out = new ArrayList<>(4);
    if (userLimit.monthly() != null) {
      out.add(remaining(Reason.USER_SPEND_LIMIT, userLimit.monthly(), userSpend.spend()));
    }
    if (international) {
      if (userLimit.internationalMonthly() != null) {
        out.add(
            remaining(
                Reason.USER_INTERNATIONAL_LIMIT,
                userLimit.internationalMonthly(),
                userSpend.internationalSpend()));
      }
      if (controls.internationalPerHour() != null) {
        out.add(
            remaining(
                Reason.ORGANISATION_HOURLY_LIMIT,
                controls.internationalPerHour(),
                internationalLastHour));
      }
      if (controls.internationalPerDay() != null) {
        out.add(
            remaining(
                Reason.ORGANISATION_DAILY_LIMIT,
                controls.internationalPerDay(),
                internationalLastDay));
      }
    }
    return out;
  }

  private static Remaining remaining(Reason reason, BigDecimal limit, BigDecimal used) {
    BigDecimal left = limit.subtract(used);
    return new Remaining(reason, left.signum() < 0 ? BigDecimal.ZERO : left);
  }
}
