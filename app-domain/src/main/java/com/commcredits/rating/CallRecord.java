package com.commcredits.rating;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A rated call (R-RATE-3): what the platform reported, the pool minutes it used and what the wallet
 * paid.
 */
@Entity
@Table(name = "call_record")
public class CallRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  long organisationId;

  @Column(name = "call_id", nullable = false, updatable = false)
  String callId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  CallKind kind;

  @Column(name = "user_upn", updatable = false)
  String userUpn;

  @Column(name = "user_name", updatable = false)
  String userName;

  @Column(name = "user_location", updatable = false)
  String userLocation;

  @Column(name = "toll_free_number", updatable = false)
  String tollFreeNumber;

  @Column(name = "from_number", nullable = false, updatable = false)
  String fromNumber;

  @Column(name = "to_number", nullable = false, updatable = false)
  String toNumber;

  @Column(name = "destination_country", nullable = false, updatable = false)
  String destinationCountry;

  @Column(nullable = false, updatable = false)
  boolean domestic;

  @Column(name = "start_at", nullable = false, updatable = false)
  Instant startAt;

  @Column(name = "end_at", nullable = false, updatable = false)
  Instant endAt;

  @Column(name = "duration_seconds", nullable = false, updatable = false)
  int durationSeconds;

  @Column(name = "pool_kind", updatable = false)
  String poolKind;

  @Column(name = "pool_minutes", nullable = false, updatable = false)
  int poolMinutes;

  @Column(name = "wallet_seconds", nullable = false, updatable = false)
  int walletSeconds;

  @Column(name = "rate_prefix", updatable = false)
  String ratePrefix;

  @Column(name = "connection_fee", nullable = false, updatable = false)
  BigDecimal connectionFee;

  @Column(nullable = false, updatable = false)
  BigDecimal charge;

  @Column(nullable = false, updatable = false)
  String currency;

  @Column(name = "ledger_entry_id", updatable = false)
  Long ledgerEntryId;

  @Column(name = "rated_at", nullable = false, updatable = false)
  Instant ratedAt;

  protected CallRecord() {
    // for JPA and the rating service
  }

  static CallRecord blank() {
    return new CallRecord();
  }

  public long organisationId() {
    return organisationId;
  }

  public String ratePrefix() {
    return ratePrefix;
  }

  public Instant ratedAt() {
    return ratedAt;
  }

  public Long id() {
    return id;
  }

  public String callId() {
    return callId;
  }

  public int poolMinutes() {
    return poolMinutes;
  }

  public BigDecimal charge() {
    return charge;
  }

  public String currency() {
    return currency;
  }

  public Long ledgerEntryId() {
    return ledgerEntryId;
  }

  public CallKind kind() {
    return kind;
  }

  public String userUpn() {
    return userUpn;
  }

  public String userName() {
    return userName;
  }

  public String userLocation() {
    return userLocation;
  }

  public String tollFreeNumber() {
    return tollFreeNumber;
  }

  public String fromNumber() {
    return fromNumber;
  }

  public String toNumber() {
    return toNumber;
  }

  public String destinationCountry() {
    return destinationCountry;
  }

  public boolean domestic() {
    return domestic;
  }

  public Instant startAt() {
    return startAt;
  }

  public Instant endAt() {
    return endAt;
  }

  public int durationSeconds() {
    return durationSeconds;
  }

  public String poolKind() {
    return poolKind;
  }

  public int walletSeconds() {
    return walletSeconds;
  }

  public BigDecimal connectionFee() {
    return connectionFee;
  }

  /** The licence or wallet that paid: the pool's kind, Communications Credits, or both. */
  public String capabilityUsed() {
    String pool =
        poolKind == null
            ? null
            : switch (poolKind) {
              case "DOMESTIC" -> "Domestic Calling Plan";
              case "INTERNATIONAL" -> "International Calling Plan";
              default -> "Audio Conferencing";
            };
    boolean credits = charge != null && charge.signum() > 0;
    if (pool != null && poolMinutes > 0 && credits) {
      return pool + " + Communications Credits";
    }
    return pool != null && poolMinutes > 0 ? pool : "Communications Credits";
  }
}
