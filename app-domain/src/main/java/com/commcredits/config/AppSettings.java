package com.commcredits.config;

import com.commcredits.money.AmountFormatException;
import com.commcredits.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
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

  /** EXPORT_BACKGROUND_ROWS: a page export of more rows than this runs in the background. */
  public long exportBackgroundRows() {
    return exportBackgroundRows;
  }

  private record Variables(Function<String, String> environment) {
    String text(String name, String fallback) {
      String value = environment.apply(name);
      return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** An amount, read as strictly as any amount (R-FUND-11). */
    BigDecimal amount(String name, String fallback) {
      String value = text(name, fallback);
      try {
        return Money.parseAmount(value, Money.Sign.UNSIGNED);
      } catch (AmountFormatException e) {
        throw invalid(name, value, "a plain amount like 10.00");
      }
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

    private static IllegalStateException invalid(String name, String value, String expected) {
      return new IllegalStateException(name + " must be " + expected + " but is \"" + value + "\"");
    }
  }
}
