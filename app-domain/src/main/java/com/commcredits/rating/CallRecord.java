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
import java.util.function.Function;

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

  /**
   * A record read without JPA, not managed (an export reads a year of calls by JDBC in constant
   * memory, issue 15): {@code column} answers each column's value by its name (numbers, booleans as
   * Boolean or a number, strings, BigDecimal, Instant).
   */
  public static CallRecord read(Function<String, Object> column) {
    CallRecord c = new CallRecord();
    c.id = number(column.apply("id")).longValue();
    c.organisationId = number(column.apply("organisation_id")).longValue();
    c.callId = (String) column.apply("call_id");
    c.kind = CallKind.valueOf((String) column.apply("kind"));
    c.userUpn = (String) column.apply("user_upn");
    c.userName = (String) column.apply("user_name");
    c.userLocation = (String) column.apply("user_location");
    c.tollFreeNumber = (String) column.apply("toll_free_number");
    c.fromNumber = (String) column.apply("from_number");
    c.toNumber = (String) column.apply("to_number");
    c.destinationCountry = (String) column.apply("destination_country");
    Object domestic = column.apply("domestic");
    c.domestic = domestic instanceof Boolean b ? b : number(domestic).intValue() != 0;
    c.startAt = (Instant) column.apply("start_at");
    c.endAt = (Instant) column.apply("end_at");
    c.durationSeconds = number(column.apply("duration_seconds")).intValue();
    c.poolKind = (String) column.apply("pool_kind");
    c.poolMinutes = number(column.apply("pool_minutes")).intValue();
    c.walletSeconds = number(column.apply("wallet_seconds")).intValue();
    c.ratePrefix = (String) column.apply("rate_prefix");
    c.connectionFee = (BigDecimal) column.apply("connection_fee");
    c.charge = (BigDecimal) column.apply("charge");
    c.currency = (String) column.apply("currency");
    Object entry = column.apply("ledger_entry_id");
    c.ledgerEntryId = entry == null ? null : number(entry).longValue();
    c.ratedAt = (Instant) column.apply("rated_at");
    return c;
  }

  private static Number number(Object value) {
    return (Number) value;
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
