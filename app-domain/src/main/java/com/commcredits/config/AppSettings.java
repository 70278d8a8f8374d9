package com.commcredits.config;

import com.commcredits.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The environment variables the application reads (the README's Configuration table), read once and
 * typed; everything else injects this instead of calling {@code System.getenv}. A value that is
 * unset or blank takes its default; one that does not parse stops the start with its name. (SMTP
 * details and MAIL_FROM also go to server.xml's mail session, which Liberty reads itself.)
 */
@ApplicationScoped
public class AppSettings {
  private final BigDecimal fundingMinimum;
  private final BigDecimal fundingMaximum;
  private final long notifyRetrySeconds;
  private final String publicUrl;
  private final boolean smtpConfigured;
  private final boolean demoData;
  private final long exportBackgroundRows;
  private final String exportDir;
  private final LocalTime reconSchedule;
  private final ZoneId reconZone;
  private final DayOfWeek reconFullDay;
  private final boolean reconRecovery;
  private final String sellerName;
  private final String sellerAddress;
  private final Map<String, BigDecimal> taxRates;

  /** The server's environment. */
  public AppSettings() {
    this(System::getenv);
  }

  /** The variables as {@code environment} gives them (null when unset), for tests. */
  public AppSettings(Function<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    Variables variables = new Variables(environment);
    this.fundingMinimum = variables.amount("FUNDING_MIN", "10.00");
    this.fundingMaximum = variables.amount("FUNDING_MAX", "100000.00");
    this.notifyRetrySeconds = variables.wholeNumber("NOTIFY_RETRY_SECONDS", 30);
    this.publicUrl = variables.text("PUBLIC_URL", "http://localhost:9080").replaceAll("/+$", "");
    this.smtpConfigured = !variables.text("SMTP_HOST", "").isEmpty();
    this.demoData = "true".equalsIgnoreCase(variables.text("COMMCREDITS_DEMO_DATA", "false"));
    this.exportBackgroundRows = variables.wholeNumber("EXPORT_BACKGROUND_ROWS", 20_000);
    this.exportDir =
        variables.text(
            "EXPORT_DIR",
            Path.of(System.getProperty("java.io.tmpdir"), "commcredits-exports").toString());
    this.reconSchedule = variables.time("RECON_SCHEDULE", "02:00");
    this.reconZone = variables.zone("RECON_ZONE", "UTC");
    this.reconFullDay = variables.day("RECON_FULL_DAY", "SUNDAY");
    this.reconRecovery = !"false".equalsIgnoreCase(variables.text("RECON_RECOVERY", "true"));
    this.sellerName = variables.text("SELLER_NAME", "Communications Credits Operations");
    this.sellerAddress =
        variables.text("SELLER_ADDRESS", "1 Demo Way, Redmond, WA 98052, United States");
    this.taxRates =
        variables.parsed(
            "TAX_RATES", "-", AppSettings::taxRates, "country:percent pairs like GB:0,DE:19");
  }

  /** FUNDING_MIN: the smallest Add more funds in the wallet's currency (R-FUND-9). */
  public BigDecimal fundingMinimum() {
    return fundingMinimum;
  }

  /** FUNDING_MAX: the largest Add more funds in the wallet's currency (R-FUND-9). */
  public BigDecimal fundingMaximum() {
    return fundingMaximum;
  }

  /** NOTIFY_RETRY_SECONDS: first retry delay of a failed email; it doubles up to an hour. */
  public long notifyRetrySeconds() {
    return notifyRetrySeconds;
  }

  /** PUBLIC_URL without a trailing slash: the admin center's address, for links in emails. */
  public String publicUrl() {
    return publicUrl;
  }

  /** Whether SMTP_HOST is set; without it notifications stay in the outbox (outbox-only). */
  public boolean smtpConfigured() {
    return smtpConfigured;
  }

  /** COMMCREDITS_DEMO_DATA=true: load the demo organisations on an empty database. */
  public boolean demoData() {
    return demoData;
  }

  /**
   * EXPORT_DIR: where background exports write their files, a directory every server sharing the
   * database can read (the run command sets it under its data directory).
   */
  public Path exportDir() {
    return Path.of(exportDir);
  }

  /** EXPORT_BACKGROUND_ROWS: a page export of more rows than this runs in the background. */
  public long exportBackgroundRows() {
    return exportBackgroundRows;
  }

  /** RECON_SCHEDULE: the time of day of the nightly reconciliation (R-RECON-1), in RECON_ZONE. */
  public LocalTime reconSchedule() {
    return reconSchedule;
  }

  /** RECON_ZONE: the time zone of RECON_SCHEDULE and of the run's business date. */
  public ZoneId reconZone() {
    return reconZone;
  }

  /** RECON_FULL_DAY: the day of the week whose nightly run is FULL; the others are incremental. */
  public DayOfWeek reconFullDay() {
    return reconFullDay;
  }

  /** RECON_RECOVERY=false: this server does not restart interrupted runs at start. */
  public boolean reconRecovery() {
    return reconRecovery;
  }

  /** SELLER_NAME: the operator's name printed as the seller on receipts and credit notes. */
  public String sellerName() {
    return sellerName;
  }

  /** SELLER_ADDRESS: the operator's address printed under the seller's name. */
  public String sellerAddress() {
    return sellerAddress;
  }

  /**
   * TAX_RATES: the tax rate in percent printed on a receipt for a billing country; 0 for a country
   * not listed (prepaid credit is an advance payment, taxed when it is used).
   */
  public BigDecimal taxRate(String billingCountry) {
    return taxRates.getOrDefault(billingCountry, BigDecimal.ZERO);
  }

  /** "GB:20,DE:19" (a blank value is read as "-": none); a rate from 0 to 100, 2 decimals. */
  private static Map<String, BigDecimal> taxRates(String value) {
    Map<String, BigDecimal> rates = new HashMap<>();
    if (value.equals("-")) {
      return Map.of();
    }
    for (String pair : value.split(",")) {
      String[] parts = pair.strip().split(":");
      if (parts.length != 2 || !parts[0].strip().matches("[A-Z]{2}")) {
        throw new IllegalArgumentException(pair);
      }
      BigDecimal rate = Money.parseAmount(parts[1].strip(), Money.Sign.UNSIGNED);
      if (rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.scale() > 2) {
        throw new IllegalArgumentException(pair);
      }
      rates.put(parts[0].strip(), rate);
    }
    return Map.copyOf(rates);
  }

  private record Variables(Function<String, String> environment) {
    String text(String name, String fallback) {
      String value = environment.apply(name);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    /**
     * The variable read by {@code parse}; what it refuses (any runtime exception: all the parsers
     * used here signal a bad value so) stops the start, naming the variable and what it expects.
     */
    <T> T parsed(String name, String fallback, Function<String, T> parse, String expected) {
      String value = text(name, fallback);
      try {
        return parse.apply(value);
      } catch (RuntimeException e) {
        throw invalid(name, value, expected);
      }
    }

    /** An amount, read as strictly as any amount (R-FUND-11). */
    BigDecimal amount(String name, String fallback) {
      return parsed(
          name,
          fallback,
          v -> Money.parseAmount(v, Money.Sign.UNSIGNED),
          "a plain amount like 10.00");
    }

    long wholeNumber(String name, long fallback) {
      String value = text(name, Long.toString(fallback));
      try {
        long parsed = Long.parseLong(value);
        if (parsed >= 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalid(name, value, "a whole number (0 or more)");
    }

    LocalTime time(String name, String fallback) {
      return parsed(name, fallback, LocalTime::parse, "a time of day like 02:00");
    }

    ZoneId zone(String name, String fallback) {
      return parsed(name, fallback, ZoneId::of, "a time zone like UTC or Europe/Paris");
    }

    DayOfWeek day(String name, String fallback) {
      return parsed(
          name,
          fallback,
          v -> DayOfWeek.valueOf(v.toUpperCase(Locale.ROOT)),
          "a day of the week like SUNDAY");
    }

    private static IllegalStateException invalid(String name, String value, String expected) {
      return new IllegalStateException(name + " must be " + expected + " but is \"" + value + "\"");
    }
  }
}
