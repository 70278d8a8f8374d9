package com.commcredits.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.SupportedCurrency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The balance chart and its dashed projection (R-SEE-1). */
class LineChartTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  private static Map<LocalDate, BigDecimal> days(LocalDate first, String... values) {
    Map<LocalDate, BigDecimal> series = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      series.put(first.plusDays(i), new BigDecimal(values[i]));
    }
    return series;
  }

  @Test
  void without_a_projection_the_line_spans_the_whole_width() {
    LineChart chart =
        LineChart.of(days(TODAY.minusDays(2), "10", "20", "30"), SupportedCurrency.USD);
    assertEquals("0.0,120.0 360.0,60.0 720.0,0.0", chart.points());
    assertEquals("", chart.projection());
    assertEquals(720.0, chart.todayX());
  }

  @Test
  void the_projection_continues_from_today_to_its_last_day_on_one_scale() {
    LineChart chart =
        LineChart.of(
            days(TODAY.minusDays(1), "20", "40"),
            days(TODAY.plusDays(1), "20", "0"),
            SupportedCurrency.USD);
    assertEquals("0.0,90.0 240.0,0.0", chart.points(), "history on the first third");
    assertEquals("240.0,0.0 480.0,90.0 720.0,180.0", chart.projection(), "from today's point");
    assertEquals(240.0, chart.todayX());
    assertEquals("2026-11-26", chart.lastDay());
    assertEquals("2026-11-28", chart.projectionEnd());
    assertTrue(chart.area().endsWith("240.0,180.0"), "the filled area stops at today");
  }
}
