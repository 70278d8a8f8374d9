package com.commcredits.web.view;

import com.commcredits.money.Money;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.SpendByKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spend by call type as stacked columns, drawn server-side as SVG coordinates (no script, no inline
 * style): one column per day, week or month, one coloured segment per call kind, and a legend with
 * the totals.
 */
public record StackedBars(
    List<Bar> bars,
    List<Series> legend,
    BigDecimal max,
    BigDecimal total,
    String currency,
    String granularity,
    String firstLabel,
    String lastLabel,
    int width,
    int height) {
  public static final int WIDTH = 720;
  public static final int HEIGHT = 180;
  private static final Map<CallKind, String> COLOURS =
      Map.of(
          CallKind.OUTBOUND,
          "#0f6cbd",
          CallKind.TOLL_FREE_INBOUND,
          "#c4501b",
          CallKind.CONFERENCE_DIAL_OUT,
          "#8764b8");

  /** One column: the period it stands for and its segments, bottom up. */
  public record Bar(
      String period, double x, double width, BigDecimal total, List<Segment> segments) {}

  /** One call kind's part of a column. */
  public record Segment(CallKind kind, BigDecimal amount, double y, double height, String colour) {}

  /** A legend entry: the call kind, its colour and its total over the period. */
  public record Series(CallKind kind, String colour, BigDecimal total) {}

  public static StackedBars of(SpendByKind spend) {
    List<SpendByKind.Period> periods = spend.periods();
    BigDecimal max =
        periods.stream().map(SpendByKind.Period::total).reduce(BigDecimal.ZERO, BigDecimal::max);
    double scale = max.signum() == 0 ? 0 : HEIGHT / max.doubleValue();
    double slot = periods.isEmpty() ? WIDTH : (double) WIDTH / periods.size();
    double barWidth = Math.max(1, slot * 0.8);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      SpendByKind.Period p = periods.get(i);
      List<Segment> segments = new ArrayList<>();
      double top = HEIGHT;
      for (CallKind kind : CallKind.values()) {
        BigDecimal amount = p.amount(kind);
        if (amount.signum() > 0) {
          double h = amount.doubleValue() * scale;
          top -= h;
          segments.add(
              new Segment(kind, money(amount, spend), round(top), round(h), COLOURS.get(kind)));
        }
      }
      bars.add(
          new Bar(
              p.start().toString(),
              round(i * slot + (slot - barWidth) / 2),
              round(barWidth),
              money(p.total(), spend),
              segments));
    }
    List<Series> legend = new ArrayList<>();
    for (CallKind kind : CallKind.values()) {
      legend.add(new Series(kind, COLOURS.get(kind), money(spend.total(kind), spend)));
    }
    String first = periods.isEmpty() ? "" : periods.get(0).start().toString();
    String last = periods.isEmpty() ? "" : periods.get(periods.size() - 1).start().toString();
    return new StackedBars(
        bars,
        legend,
        money(max, spend),
        money(spend.total(), spend),
        spend.currency(),
        spend.granularity().name(),
        first,
        last,
        WIDTH,
        HEIGHT);
  }

  private static BigDecimal money(BigDecimal amount, SpendByKind spend) {
    return Money.of(amount, spend.currency()).amount();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
