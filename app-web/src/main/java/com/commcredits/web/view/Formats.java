package com.commcredits.web.view;

import com.commcredits.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats dates, times and amounts for pages in the organisation's time zone; put in every model as
 * {@code fmt}.
 */
public final class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private final ZoneId zone;

  public Formats(ZoneId zone) {
    this.zone = zone;
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public String zone() {
    return zone.getId();
  }

  /** An amount as pages show it, with the currency's digits (see {@link Money#toDisplayString}). */
  public String money(Money money) {
    return money == null ? "" : money.toDisplayString();
  }

  /** A stored amount with its currency (a code or a {@code SupportedCurrency}). */
  public String money(BigDecimal amount, Object currency) {
    return amount == null ? "" : Money.of(amount, currency.toString()).toDisplayString();
  }

  public String number(long value) {
    return String.format(Locale.ENGLISH, "%,d", value);
  }
}
