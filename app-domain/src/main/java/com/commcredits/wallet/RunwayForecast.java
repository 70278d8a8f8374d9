package com.commcredits.wallet;

import com.commcredits.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the balance lasts and what expires unused if spending goes on at the last 30 days' pace
 * (issue 17): a pure projection. Spending draws on the lots soonest expiry first (R-FUND-3); what a
 * lot still holds at its expiry is forfeited (R-FUND-4), so the balance runs out at the moment the
 * last lot is spent or expires, whichever comes first. Nothing spent: no runway ({@link #days()} is
 * null) and every lot's remainder is at risk. A balance at or below zero has no runway left (0
 * days, today).
 */
public final class RunwayForecast {
  /** The days whose spend sets the pace. */
  public static final int BASIS_DAYS = 30;

  /** The name of the basis in the API. */
  public static final String BASIS = "LAST_30_DAYS";

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal DAY = BigDecimal.valueOf(86_400);
  private static final BigDecimal BASIS_SECONDS = DAY.multiply(BigDecimal.valueOf(BASIS_DAYS));

  /** A hundred years: the end of the projection for money without an expiry (none in practice). */
  private static final BigDecimal HORIZON = DAY.multiply(BigDecimal.valueOf(36_500));

  /** A lot as the projection reads it. */
  public record Lot(long id, BigDecimal remaining, Instant expiresAt) {
    public static Lot of(FundingLot lot) {
      return new Lot(lot.id(), lot.remaining(), lot.expiresAt());
    }
  }

  /**
   * What one lot holds from {@code start} (seconds from now), spent at the pace until {@code end}.
   */
  private record Segment(BigDecimal amount, BigDecimal start, BigDecimal end) {}

  private final Money balance;
  private final Money dailySpend;
  private final Integer days;
  private final LocalDate depletesOn;
  private final Map<Long, Money> projectedUnused;
  private final Money expiringUnused;
  private final BigDecimal perSecond;
  private final List<Segment> segments;
  private final Instant now;
  private final ZoneId zone;

  private RunwayForecast(
      Money balance,
      Money dailySpend,
      Integer days,
      LocalDate depletesOn,
      Map<Long, Money> projectedUnused,
      BigDecimal perSecond,
      List<Segment> segments,
      Instant now,
      ZoneId zone) {
    this.balance = balance;
    this.dailySpend = dailySpend;
    this.days = days;
    this.depletesOn = depletesOn;
    this.projectedUnused = projectedUnused;
    this.expiringUnused =
        projectedUnused.values().stream().reduce(Money.zero(balance.currency()), Money::plus);
    this.perSecond = perSecond;
    this.segments = segments;
    this.now = now;
    this.zone = zone;
  }

  /**
   * Projects the balance from the spend of the last {@value #BASIS_DAYS} days ({@code spent},
   * positive; a net refund counts as nothing spent) and the wallet's lots as they are {@code now}.
   * Lots already expired or empty forfeit nothing more. The balance may differ from the lots' sum:
   * what it is below them is a debt the next spending does not reduce (R-FUND-5), so it is taken
   * from the soonest lots first; what it is above them (none in a wallet that holds the invariant)
   * is treated as money without expiry.
   */
  public static RunwayForecast project(
      Money balance, BigDecimal spent, List<Lot> lots, Instant now, ZoneId zone) {
    BigDecimal spend = spent.signum() > 0 ? spent : BigDecimal.ZERO;
    BigDecimal perSecond = spend.divide(BASIS_SECONDS, MC);
    Money daily = Money.of(spend.divide(BigDecimal.valueOf(BASIS_DAYS), MC), balance.currency());
    List<Lot> open =
        lots.stream()
            .filter(l -> l.remaining().signum() > 0 && l.expiresAt().isAfter(now))
            .sorted(Comparator.comparing(Lot::expiresAt).thenComparing(Lot::id))
            .toList();
    BigDecimal held = open.stream().map(Lot::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal debt = held.subtract(balance.amount()).max(BigDecimal.ZERO);
    Map<Long, Money> unused = new LinkedHashMap<>();
    lots.forEach(l -> unused.put(l.id(), Money.zero(balance.currency())));
    List<Segment> segments = new ArrayList<>();
    BigDecimal t = BigDecimal.ZERO;
    for (Lot lot : open) {
      BigDecimal amount = lot.remaining();
      BigDecimal paysDebt = amount.min(debt);
      debt = debt.subtract(paysDebt);
      amount = amount.subtract(paysDebt);
      if (amount.signum() == 0) {
        continue;
      }
      BigDecimal expiry = seconds(now, lot.expiresAt());
      if (perSecond.signum() == 0 || t.compareTo(expiry) >= 0) {
        segments.add(new Segment(amount, expiry, expiry));
        unused.put(lot.id(), Money.of(amount, balance.currency()));
        continue;
      }
      BigDecimal spentBy = t.add(amount.divide(perSecond, MC));
      if (spentBy.compareTo(expiry) <= 0) {
        segments.add(new Segment(amount, t, spentBy));
        t = spentBy;
      } else {
        BigDecimal lost = amount.subtract(expiry.subtract(t).multiply(perSecond, MC));
        segments.add(new Segment(amount, t, expiry));
        unused.put(lot.id(), Money.of(lost, balance.currency()));
        t = expiry;
      }
    }
    BigDecimal rest = balance.amount().subtract(held).max(BigDecimal.ZERO);
    if (rest.signum() > 0) {
      BigDecimal end =
          perSecond.signum() == 0 ? HORIZON : t.add(rest.divide(perSecond, MC)).min(HORIZON);
      segments.add(new Segment(rest, t, end));
      t = end;
    }
    Integer days = null;
    LocalDate depletesOn = null;
    if (!balance.isPositive()) {
      days = 0;
      depletesOn = now.atZone(zone).toLocalDate();
    } else if (perSecond.signum() > 0) {
      days = t.divideToIntegralValue(DAY).intValueExact();
      depletesOn =
          now.plusSeconds(t.toBigInteger().longValueExact()) // whole seconds, t > 0
              .atZone(zone)
              .toLocalDate();
    }
    return new RunwayForecast(
        balance, daily, days, depletesOn, unused, perSecond, segments, now, zone);
  }

  private static BigDecimal seconds(Instant from, Instant to) {
    return BigDecimal.valueOf(Duration.between(from, to).getSeconds());
  }

  /** The balance the projection starts from. */
  public Money balance() {
    return balance;
  }

  /** The average spend per day over the last {@value #BASIS_DAYS} days. */
  public Money dailySpend() {
    return dailySpend;
  }

  /** Whole days until the balance runs out; null when nothing was spent. */
  public Integer days() {
    return days;
  }

  /** The day the balance runs out, in the organisation's calendar; null when nothing was spent. */
  public LocalDate depletesOn() {
    return depletesOn;
  }

  /** Whether the balance runs out at this pace (something was spent). */
  public boolean hasRunway() {
    return days != null;
  }

  /** Per lot (every lot given), what it is projected to still hold at its expiry. */
  public Map<Long, Money> projectedUnused() {
    return projectedUnused;
  }

  public Money projectedUnused(long lotId) {
    return projectedUnused.getOrDefault(lotId, Money.zero(balance.currency()));
  }

  /** The sum of what the lots are projected to forfeit. */
  public Money expiringUnused() {
    return expiringUnused;
  }

  /** The projected balance at an instant (not rounded: for charts). */
  public BigDecimal balanceAt(Instant at) {
    BigDecimal t = seconds(now, at);
    BigDecimal total = BigDecimal.ZERO;
    for (Segment s : segments) {
      if (t.compareTo(s.end()) >= 0) {
        continue;
      }
      if (t.compareTo(s.start()) <= 0) {
        total = total.add(s.amount());
      } else {
        BigDecimal spentSince = t.min(s.end()).subtract(s.start()).multiply(perSecond, MC);
        total = total.add(s.amount().subtract(spentSince).max(BigDecimal.ZERO));
      }
    }
    return total;
  }

  /**
   * The projected closing balance of the next days, from tomorrow, for the chart's dashed line: up
   * to the day after the balance runs out, at most {@code maxDays}; none without a runway.
   */
  public Map<LocalDate, BigDecimal> projection(int maxDays) {
    Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
    if (this.days == null || !balance.isPositive()) {
      return days;
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    int horizon = Math.min(maxDays, this.days + 1);
    for (int d = 1; d <= horizon; d++) {
      LocalDate day = today.plusDays(d);
      days.put(day, balanceAt(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }
    return days;
  }
}
