package com.commcredits.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingsTest {
  private static AppSettings with(Map<String, String> environment) {
    return new AppSettings(environment::get);
  }

  @Test
  void an_empty_environment_gives_the_defaults_of_the_README() {
    AppSettings settings = with(Map.of());
    assertEquals(new BigDecimal("10.00"), settings.fundingMinimum());
    assertEquals(new BigDecimal("100000.00"), settings.fundingMaximum());
    assertEquals(30, settings.notifyRetrySeconds());
    assertEquals("http://localhost:9080", settings.publicUrl());
    assertFalse(settings.smtpConfigured());
    assertFalse(settings.demoData());
    assertEquals(20_000, settings.exportBackgroundRows());
  }

  @Test
  void set_variables_are_read_typed_and_trimmed() {
    AppSettings settings =
        with(
            Map.of(
                "FUNDING_MIN", " 25.50 ",
                "FUNDING_MAX", "5000",
                "NOTIFY_RETRY_SECONDS", "2",
                "PUBLIC_URL", "https://billing.example.com//",
                "SMTP_HOST", "mail.example.com",
                "COMMCREDITS_DEMO_DATA", "TRUE",
                "EXPORT_BACKGROUND_ROWS", "5"));
    assertEquals(new BigDecimal("25.50"), settings.fundingMinimum());
    assertEquals(new BigDecimal("5000"), settings.fundingMaximum());
    assertEquals(2, settings.notifyRetrySeconds());
    assertEquals("https://billing.example.com", settings.publicUrl());
    assertTrue(settings.smtpConfigured());
    assertTrue(settings.demoData());
    assertEquals(5, settings.exportBackgroundRows());
  }

  @Test
  void blank_values_count_as_unset() {
    AppSettings settings =
        with(
            Map.of(
                "FUNDING_MIN", " ",
                "SMTP_HOST", "  ",
                "NOTIFY_RETRY_SECONDS", "",
                "PUBLIC_URL", ""));
    assertEquals(new BigDecimal("10.00"), settings.fundingMinimum());
    assertFalse(settings.smtpConfigured());
    assertEquals(30, settings.notifyRetrySeconds());
    assertEquals("http://localhost:9080", settings.publicUrl());
  }

  @Test
  void demo_data_is_loaded_only_for_true() {
    assertFalse(with(Map.of("COMMCREDITS_DEMO_DATA", "yes")).demoData());
    assertFalse(with(Map.of("COMMCREDITS_DEMO_DATA", "false")).demoData());
  }

  @Test
  void a_value_that_does_not_parse_stops_the_start_naming_the_variable() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> with(Map.of("NOTIFY_RETRY_SECONDS", "thirty")));
    assertTrue(e.getMessage().contains("NOTIFY_RETRY_SECONDS"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> with(Map.of("FUNDING_MAX", "lots")));
    assertThrows(IllegalStateException.class, () -> with(Map.of("EXPORT_BACKGROUND_ROWS", "-1")));
  }

  @Test
  void R_FUND_11_funding_limits_are_read_as_strictly_as_amounts() {
    assertEquals(new BigDecimal("25.00"), with(Map.of("FUNDING_MIN", "25.00")).fundingMinimum());
    for (String bad : new String[] {"1E+5", "-10", "1,000", "10."}) {
      assertThrows(IllegalStateException.class, () -> with(Map.of("FUNDING_MAX", bad)));
    }
  }

  @Test
  void R_RECEIPT_1_the_seller_and_tax_rates_of_receipts_default_to_the_demo_operator_and_0() {
    AppSettings defaults = with(Map.of());
    assertEquals("Communications Credits Operations", defaults.sellerName());
    assertFalse(defaults.sellerAddress().isBlank());
    assertEquals(0, BigDecimal.ZERO.compareTo(defaults.taxRate("US")));
    AppSettings set =
        with(
            Map.of(
                "SELLER_NAME", "Example Telecom Ltd",
                "SELLER_ADDRESS", "1 High St, London",
                "TAX_RATES", "GB:20, DE:19.5"));
    assertEquals("Example Telecom Ltd", set.sellerName());
    assertEquals("1 High St, London", set.sellerAddress());
    assertEquals(new BigDecimal("20"), set.taxRate("GB"));
    assertEquals(new BigDecimal("19.5"), set.taxRate("DE"));
    assertEquals(0, BigDecimal.ZERO.compareTo(set.taxRate("US")), "a country not listed: 0");
    for (String bad : new String[] {"GB", "gb:20", "GB:101", "GB:-1", "GB:1E2", "GB:20.123"}) {
      assertThrows(IllegalStateException.class, () -> with(Map.of("TAX_RATES", bad)), bad);
    }
  }
}
