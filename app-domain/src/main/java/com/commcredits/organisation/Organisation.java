package com.commcredits.organisation;

import com.commcredits.money.SupportedCurrency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** A tenant: name, billing country, currency and time zone (R-ORG-1). */
@Entity
@Table(name = "organisation")
public class Organisation {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "billing_country", nullable = false)
  private String billingCountry;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SupportedCurrency currency;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /**
   * The operator's organisation: its Global admins publish the rate cards (R-RATE-1). Set by the
   * operator.
   */
  @Column(name = "publishes_rates", nullable = false)
  private boolean publishesRates;

  protected Organisation() {
    // for JPA
  }

  public Organisation(
      String name,
      String billingCountry,
      SupportedCurrency currency,
      ZoneId timeZone,
      Instant createdAt) {
    this.name = Objects.requireNonNull(name, "name").strip();
    if (!isCountry(billingCountry)) {
      throw new IllegalArgumentException("Unknown country: " + billingCountry);
    }
    this.billingCountry = billingCountry;
    this.currency = Objects.requireNonNull(currency, "currency");
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone").getId();
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** True for an ISO 3166-1 alpha-2 code. */
  public static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public boolean publishesRates() {
    return publishesRates;
  }

  /** Makes this the operator's organisation, whose Global admins publish the rate cards. */
  public void publishRates() {
    this.publishesRates = true;
  }

  public String billingCountry() {
    return billingCountry;
  }

  public SupportedCurrency currency() {
    return currency;
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
