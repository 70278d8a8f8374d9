package com.commcredits.rating;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Spend by call type over a period (R-REP-3): every day, week or month of the period with what each
 * call kind cost, zeros included, so a chart has no gaps. Up to 62 days are shown by day, up to 26
 * weeks by week (starting Monday), longer periods by month.
 */
public record SpendByKind(String currency, Granularity granularity, List<Period> periods) {
  /** The length of one period of the chart. */
  public enum Granularity {
    DAY,
    WEEK,
    MONTH
  }

  /** One period (from its first day) and its spend per call kind. */
  public record Period(LocalDate start, Map<CallKind, BigDecimal> amounts) {
    public BigDecimal amount(CallKind kind) {
      return amounts.getOrDefault(kind, BigDecimal.ZERO);
    }

    public BigDecimal total() {
      return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * Groups daily sums (day → kind → amount) of the days {@code first} to {@code last} into periods.
   */
  public static SpendByKind of(
      String currency,
      LocalDate first,
      LocalDate last,
      SortedMap<LocalDate, Map<CallKind, BigDecimal>> days) {
    long length = ChronoUnit.DAYS.between(first, last) + 1;
    Granularity granularity =
        length <= 62 ? Granularity.DAY : length <= 26 * 7 ? Granularity.WEEK : Granularity.MONTH;
    List<Period> periods = new ArrayList<>();
    for (LocalDate start = periodStart(first, granularity);
        !start.isAfter(last);
        start = next(start, granularity)) {
      Map<CallKind, BigDecimal> amounts = new EnumMap<>(CallKind.class);
      for (CallKind kind : CallKind.values()) {
        amounts.put(kind, BigDecimal.ZERO);
      }
      LocalDate end = next(start, granularity);
      days.subMap(start, end)
          .values()
          .forEach(
              day -> day.forEach((kind, amount) -> amounts.merge(kind, amount, BigDecimal::add)));
      periods.add(new Period(start, Collections.unmodifiableMap(amounts)));
    }
    return new SpendByKind(currency, granularity, List.copyOf(periods));
  }

  public BigDecimal total() {
    return periods.stream().map(Period::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal total(CallKind kind) {
    return periods.stream().map(p -> p.amount(kind)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static LocalDate periodStart(LocalDate day, Granularity granularity) {
    return switch (granularity) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  private static LocalDate next(LocalDate start, Granularity granularity) {
    return switch (granularity) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }
}
