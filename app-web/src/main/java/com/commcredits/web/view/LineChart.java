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
 * the polyline, the zero line and the axis labels from these numbers.
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
    int height) {
  public static final int WIDTH = 720;
  public static final int HEIGHT = 180;

  public static LineChart of(Map<LocalDate, BigDecimal> series, SupportedCurrency currency) {
    List<BigDecimal> values = new ArrayList<>(series.values());
    List<LocalDate> days = new ArrayList<>(series.keySet());
    if (values.isEmpty()) {
      return new LineChart(
          "", "", BigDecimal.ZERO, BigDecimal.ZERO, "", "", HEIGHT, false, WIDTH, HEIGHT);
    }
    BigDecimal min = values.stream().reduce(BigDecimal::min).orElseThrow().min(BigDecimal.ZERO);
    BigDecimal max = values.stream().reduce(BigDecimal::max).orElseThrow().max(BigDecimal.ONE);
    double span = max.subtract(min).doubleValue();
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double x = values.size() == 1 ? 0 : (double) i * WIDTH / (values.size() - 1);
      double y = HEIGHT - (values.get(i).subtract(min).doubleValue() / span) * HEIGHT;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    double zeroY = HEIGHT - (-min.doubleValue() / span) * HEIGHT;
    String area = String.format(Locale.ROOT, "0,%.1f %s%d,%.1f", zeroY, points, WIDTH, zeroY);
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
        HEIGHT);
  }
}
