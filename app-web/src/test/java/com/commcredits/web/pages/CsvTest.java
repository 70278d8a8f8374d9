package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One CSV cell as the exports write it (RFC 4180), safe to open in a spreadsheet (R-SEC-2). */
class CsvTest {
  @Test
  void a_plain_cell_is_written_as_it_is() {
    assertEquals("Adele Vance", Csv.cell("Adele Vance"));
    assertEquals("12.50", Csv.cell(new BigDecimal("12.50")));
    assertEquals("42", Csv.cell(42));
  }

  @Test
  void a_missing_value_is_an_empty_cell() {
    assertEquals("", Csv.cell(null));
    assertEquals("", Csv.cell(""));
  }

  @Test
  void a_cell_with_a_comma_is_quoted() {
    assertEquals("\"Vance, Adele\"", Csv.cell("Vance, Adele"));
  }

  @Test
  void a_quote_inside_a_cell_is_doubled_and_the_cell_quoted() {
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
  }

  @Test
  void a_cell_with_a_line_break_is_quoted_so_the_row_stays_one_record() {
    assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
    assertEquals("\"two\r\nlines\"", Csv.cell("two\r\nlines"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=SUM(A1:A9)        | '=SUM(A1:A9)",
        "+1                 | '+1",
        "-5.00              | '-5.00",
        "@cmd               | '@cmd",
        "`\t=1`             | '\t=1",
      })
  void R_SEC_2_a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(
      String value, String cell) {
    assertEquals(cell, Csv.cell(value));
  }

  @Test
  void R_SEC_2_a_formula_cell_that_also_needs_quotes_is_defused_inside_the_quotes() {
    assertEquals(
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"",
        Csv.cell("=HYPERLINK(\"http://evil.example\",\"x\")"));
  }

  @Test
  void a_negative_number_is_a_number_not_a_formula() {
    assertEquals("-5.25", Csv.cell(new BigDecimal("-5.25")));
    assertEquals("-3", Csv.cell(-3));
  }

  @Test
  void R_SEC_2_a_formula_character_after_the_first_is_harmless() {
    assertEquals("a=b", Csv.cell("a=b"));
    assertEquals("user@contoso.example", Csv.cell("user@contoso.example"));
  }
}
