package com.commcredits.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final SupportedCurrency USD = SupportedCurrency.USD;

  @Test
  void R_FUND_1_amounts_are_rounded_once_half_up_to_the_minor_unit() {
    assertEquals("0.13", Money.of("0.125", USD).toPlainString());
    assertEquals("0.12", Money.of("0.1249", USD).toPlainString());
    assertEquals("-0.13", Money.of("-0.125", USD).toPlainString(), "HALF_UP rounds away from zero");
    assertEquals("10.00", Money.of(BigDecimal.TEN, USD).toPlainString());
  }

  @Test
  void R_FUND_1_typed_amounts_with_too_many_decimals_are_refused_not_rounded() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Money.parse("1.234", USD));
    assertTrue(e.getMessage().contains("at most 2 decimals"), e.getMessage());
    assertEquals("1.20", Money.parse("1.2", USD).toPlainString());
    assertEquals("1.23", Money.parse("1.23", USD).toPlainString());
    assertThrows(IllegalArgumentException.class, () -> Money.parse("abc", USD));
    assertThrows(IllegalArgumentException.class, () -> Money.parse(" ", USD));
  }

  @Test
  void R_FUND_1_money_of_two_currencies_never_mixes() {
    Money dollars = Money.of("1.00", USD);
    Money pounds = Money.of("1.00", SupportedCurrency.GBP);
    assertThrows(IllegalArgumentException.class, () -> dollars.plus(pounds));
    assertThrows(IllegalArgumentException.class, () -> dollars.compareTo(pounds));
  }

  @Test
  void arithmetic_and_equality_ignore_scale() {
    Money a = Money.of("10.10", USD);
    assertEquals(Money.of("10.1", USD), a);
    assertEquals(Money.of("15.35", USD), a.plus(Money.of("5.25", USD)));
    assertEquals(Money.of("-4.85", USD), Money.of("5.25", USD).minus(a));
    assertTrue(Money.of("-0.01", USD).isNegative());
    assertTrue(Money.zero(USD).isZeroOrLess());
    assertEquals(a.hashCode(), Money.of("10.1000", USD).hashCode());
  }

  @Test
  void amounts_show_grouped_with_the_currencys_digits() {
    assertEquals("100,000.00", Money.of("100000", USD).toDisplayString());
    assertEquals("-1,234.57", Money.of("-1234.5678", USD).toDisplayString());
    assertEquals("0.00", Money.zero(USD).toDisplayString());
  }

  @Test
  void R_RECEIPT_1_the_tax_included_in_an_amount_is_rounded_once() {
    assertEquals(Money.of("20.00", USD), Money.of("120.00", USD).includedTax(new BigDecimal("20")));
    assertEquals(Money.of("0.00", USD), Money.of("123.45", USD).includedTax(BigDecimal.ZERO));
    // 100 x 19 / 119 = 15.966... -> 15.97
    assertEquals(Money.of("15.97", USD), Money.of("100.00", USD).includedTax(new BigDecimal("19")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Money.of("1.00", USD).includedTax(new BigDecimal("-1")));
  }
}
