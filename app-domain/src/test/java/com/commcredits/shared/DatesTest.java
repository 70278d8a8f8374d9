package com.commcredits.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {
  @Test
  void a_plain_date_reads_and_blank_is_absent() {
    assertEquals(LocalDate.of(2026, 1, 31), Dates.parse(" 2026-01-31 "));
    assertEquals(LocalDate.of(9999, 12, 31), Dates.parse("9999-12-31"));
    assertEquals(LocalDate.of(1, 1, 1), Dates.parse("0001-01-01"));
    assertNull(Dates.parse(null));
    assertNull(Dates.parse("  "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+10000-01-01",
        "0000-01-01",
        "-0001-01-01",
        "2026-02-30",
        "2026-1-5",
        "20260131",
        "2026-01-31T00:00",
        "٢٠٢٦-٠١-٣١"
      })
  void dates_outside_years_1_to_9999_or_not_plain_are_input_errors(String text) {
    assertThrows(IllegalArgumentException.class, () -> Dates.parse(text));
  }
}
