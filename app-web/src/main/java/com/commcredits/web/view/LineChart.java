package com.commcredits.web.view;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line chart drawn server-side as SVG coordinates (no script, no inline style): the page renders
 * the polyline, the zero line and the axis labels from these numbers. An optional projection
 * (R-SEE-1) continues the line after the last day, drawn dashed from {@code todayX}.
 */
public record LineChart(
    String points,
    String area,
    BigDecimal min,
    BigDecimal max,
    String firstDay,
    String lastDay,
    double zeroY,
    boolean hasNegative,
    int width,
    int height,
    String projection,
    String projectionEnd,
    double todayX) {
  public static final int WIDTH = 720;
  public static final int HEIGHT = 180;

  public static LineChart of(Map<LocalDate, BigDecimal> series, SupportedCurrency currency) {
    return of(series, Map.of(), currency);
  }

  /** The series, then the projected days after it (empty: no projection). */
  public static LineChart of(
      Map<LocalDate, BigDecimal> series,
      Map<LocalDate, BigDecimal> projected,
      SupportedCurrency currency) {
    List<BigDecimal> values = new ArrayList<>(series.values());
    List<LocalDate> days = new ArrayList<>(series.keySet());
    if (values.isEmpty()) {
      return new LineChart(
          "",
          "",
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          "",
          "",
          HEIGHT,
          false,
          WIDTH,
          HEIGHT,
          "",
          "",
          WIDTH);
    }
    List<BigDecimal> all = new ArrayList<>(values);
    all.addAll(projected.values());
    BigDecimal min = all.stream().reduce(BigDecimal::min).orElseThrow().min(BigDecimal.ZERO);
    BigDecimal max = all.stream().reduce(BigDecimal::max).orElseThrow().max(BigDecimal.ONE);
    double span = max.subtract(min).doubleValue();
    int count = all.size();
    StringBuilder points = new StringBuilder();
    StringBuilder projection = new StringBuilder();
    for (int i = 0; i < count; i++) {
      double x = count == 1 ? 0 : (double) i * WIDTH / (count - 1);
      double y = HEIGHT - (all.get(i).subtract(min).doubleValue() / span) * HEIGHT;
      String point = String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
      if (i < values.size()) {
        points.append(point);
      }
      if (!projected.isEmpty() && i >= values.size() - 1) {
        projection.append(point);
      }
    }
    double todayX = count == 1 ? 0 : (double) (values.size() - 1) * WIDTH / (count - 1);
    double zeroY = HEIGHT - (-min.doubleValue() / span) * HEIGHT;
    String area = String.format(Locale.ROOT, "0,%.1f %s%.1f,%.1f", zeroY, points, todayX, zeroY);
    List<LocalDate> ahead = new ArrayList<>(projected.keySet());
    return new LineChart(
        points.toString().strip(),
        area,
        Money.of(min, currency).amount(),
        Money.of(max, currency).amount(),
        days.get(0).toString(),
        days.get(days.size() - 1).toString(),
        zeroY,
        min.signum() < 0,
        WIDTH,
        HEIGHT,
        projection.toString().strip(),
        ahead.isEmpty() ? "" : ahead.get(ahead.size() - 1).toString(),
        todayX);
  }
}
