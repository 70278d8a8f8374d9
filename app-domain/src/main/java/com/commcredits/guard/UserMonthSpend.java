package com.commcredits.guard;

import java.math.BigDecimal;

/**
 * What a user's calls of one month cost the wallet (all of it, and the international part), how
 * long they lasted and how many there were: the counters rating keeps (R-GUARD-2).
 */
public record UserMonthSpend(
    BigDecimal spend, BigDecimal internationalSpend, long callSeconds, long calls) {
  public static final UserMonthSpend NONE =
      new UserMonthSpend(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

  /** Whole minutes, rounded up per month total. */
  public long minutes() {
    return (callSeconds + 59) / 60;
  }
}
