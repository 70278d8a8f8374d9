package com.commcredits.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money.Sign;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-FUND-11: amounts are plain decimals with at most 13 integer digits and the currency's minor
 * digits; everything else is refused, cheaply, before a {@link BigDecimal} is built.
 */
class AmountParsingTest {
  private static final SupportedCurrency USD = SupportedCurrency.USD;

  private static String refusal(String text) {
    return assertThrows(AmountFormatException.class, () -> Money.parse(text, USD)).getMessage();
  }

  @Test
  void R_FUND_11_plain_decimals_are_read_exactly() {
    assertEquals("25.00", Money.parse("25", USD).toPlainString());
    assertEquals("25.50", Money.parse("25.5", USD).toPlainString());
    assertEquals("0.01", Money.parse("0.01", USD).toPlainString());
    assertEquals("9999999999999.99", Money.parse("9999999999999.99", USD).toPlainString());
    assertEquals("7.50", Money.parse("007.50", USD).toPlainString(), "leading zeros are harmless");
  }

  @Test
  void R_FUND_11_exponent_notation_is_refused() {
    for (String text : new String[] {"1E+1", "1e1", "1E-2", "2.5E3", "1E+100000000"}) {
      assertTrue(refusal(text).contains("plain number"), text);
    }
  }

  @Test
  void R_FUND_11_huge_exponents_are_refused_at_once_without_building_the_number() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < 1_000; i++) {
            assertThrows(AmountFormatException.class, () -> Money.parse("1E+100000000", USD));
            assertThrows(AmountFormatException.class, () -> Money.parse("1e-100000000", USD));
            assertThrows(
                AmountFormatException.class, () -> Money.parseAmount("1E+2147483647", Sign.SIGNED));
          }
        });
  }

  @Test
  void R_FUND_11_a_very_long_text_is_refused_without_reading_it_all() {
    String long1 = "1".repeat(1_000_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertTrue(refusal(long1).contains("plain number")));
  }

  @Test
  void R_FUND_11_a_sign_is_refused_where_none_is_allowed() {
    assertTrue(refusal("-5").contains("without a sign"));
    assertTrue(refusal("+5").contains("without a sign"));
    assertEquals("-5.00", Money.parse("-5", USD, Sign.SIGNED).toPlainString());
    assertEquals("5.00", Money.parse("+5", USD, Sign.SIGNED).toPlainString());
  }

  @Test
  void R_FUND_11_at_most_13_integer_digits() {
    assertEquals("1234567890123.00", Money.parse("1234567890123", USD).toPlainString());
    assertTrue(refusal("12345678901234").contains("at most 13 digits"));
    assertTrue(refusal("12345678901234.00").contains("at most 13 digits"));
  }

  @Test
  void R_FUND_11_at_most_the_currencys_minor_digits_trailing_zeros_included() {
    assertTrue(refusal("1.234").contains("at most 2 decimals for USD"));
    assertTrue(refusal("1.230").contains("at most 2 decimals for USD"));
    assertEquals(
        USD.currency().getDefaultFractionDigits(),
        Money.parse("1", USD).amount().scale(),
        "minor units come from java.util.Currency");
  }

  @Test
  void R_FUND_11_non_ascii_digits_are_refused() {
    assertTrue(refusal("١٢").contains("plain number"));
    assertTrue(refusal("１２").contains("plain number"), "full-width digits");
  }

  @Test
  void R_FUND_11_surrounding_spaces_are_ignored_inner_ones_are_not() {
    assertEquals("10.00", Money.parse(" 10.00 ", USD).toPlainString());
    assertEquals("10.00", Money.parse("\t10\n", USD).toPlainString());
    assertTrue(refusal("1 0").contains("plain number"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void R_FUND_11_a_missing_amount_is_asked_for(String text) {
    assertEquals("Enter an amount.", refusal(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"10.", ".5", "1,000", "1,000.00", "10,5", "0x10", "NaN", "Infinity", "--5", "5-"})
  void R_FUND_11_a_point_needs_digits_on_both_sides_and_nothing_else_is_a_number(String text) {
    assertTrue(refusal(text).contains("plain number"), text);
  }

  @Test
  void R_FUND_11_an_amount_of_a_currency_not_known_yet_follows_the_same_rules() {
    assertEquals(new BigDecimal("12.34"), Money.parseAmount("12.34", Sign.UNSIGNED));
    assertThrows(AmountFormatException.class, () -> Money.parseAmount("1E+1", Sign.UNSIGNED));
    assertThrows(AmountFormatException.class, () -> Money.parseAmount("-1", Sign.UNSIGNED));
    assertThrows(
        AmountFormatException.class, () -> Money.parseAmount("12345678901234", Sign.UNSIGNED));
  }

  @Test
  void R_FUND_11_amounts_written_in_code_refuse_exponents_too() {
    assertThrows(AmountFormatException.class, () -> Money.of("1E+100000000", USD));
    assertEquals("0.13", Money.of("0.125", USD).toPlainString());
  }

  @Test
  void R_RATE_1_rates_keep_four_decimals_and_are_read_as_strictly() {
    assertEquals(new BigDecimal("0.0250"), Rates.parse("0.025"));
    assertEquals(4, Rates.parse("0.025").scale());
    assertEquals(new BigDecimal("999.9999"), Rates.parse("999.9999"));
    assertEquals(new BigDecimal("12.0000"), Rates.parse(" 12 "));
    assertEquals("Write an amount like 0.0250.", rateRefusal("1E+100000000"));
    assertEquals("Write an amount like 0.0250.", rateRefusal("2.5e-2"));
    assertEquals("Write an amount like 0.0250.", rateRefusal("abc"));
    assertTrue(rateRefusal("1000").contains("999.9999"));
    assertTrue(rateRefusal("0.00001").contains("at most 4 decimals"));
    assertTrue(rateRefusal("-0.01").contains("from 0"));
  }

  private static String rateRefusal(String text) {
    return assertThrows(AmountFormatException.class, () -> Rates.parse(text)).getMessage();
  }
}
