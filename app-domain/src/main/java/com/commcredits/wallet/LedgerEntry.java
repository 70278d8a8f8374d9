package com.commcredits.wallet;

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
import java.util.Objects;

/**
 * One movement of money in a wallet (R-FUND-6): credits positive, debits negative, with the balance
 * after it. Written once, never updated or deleted; a correction is a new entry that links the one
 * it reverses. The idempotency key is unique per wallet (R-FUND-7).
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "wallet_id", nullable = false, updatable = false)
  private long walletId;

  @Enumerated(EnumType.STRING)
  @Column(name = "entry_type", nullable = false, updatable = false)
  private EntryType type;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  @Column(name = "balance_after", nullable = false, updatable = false)
  private BigDecimal balanceAfter;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "idempotency_key", nullable = false, updatable = false)
  private String idempotencyKey;

  @Column(updatable = false)
  private String reference;

  @Column(nullable = false, updatable = false)
  private String description;

  @Column(name = "reverses_entry_id", updatable = false)
  private Long reversesEntryId;

  @Column(nullable = false, updatable = false)
  private String actor;

  protected LedgerEntry() {
    // for JPA
  }

  LedgerEntry(
      Wallet wallet,
      EntryType type,
      BigDecimal amount,
      Instant occurredAt,
      Instant recordedAt,
      String idempotencyKey,
      String reference,
      String description,
      Long reversesEntryId,
      String actor) {
    this.walletId = wallet.id();
    this.type = Objects.requireNonNull(type, "type");
    this.amount = Objects.requireNonNull(amount, "amount");
    this.balanceAfter = wallet.balanceAmount();
    this.currency = wallet.currency().name();
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    this.reference = reference;
    this.description = Objects.requireNonNull(description, "description");
    this.reversesEntryId = reversesEntryId;
    this.actor = Objects.requireNonNull(actor, "actor");
  }

  public Long id() {
    return id;
  }

  /** For entries written by batched inserts rather than by JPA. */
  void assignId(long id) {
    if (this.id != null) {
      throw new IllegalStateException("Entry " + this.id + " already has an id");
    }
    this.id = id;
  }

  public long walletId() {
    return walletId;
  }

  public EntryType type() {
    return type;
  }

  public BigDecimal amount() {
    return amount;
  }

  public BigDecimal balanceAfter() {
    return balanceAfter;
  }

  public String currency() {
    return currency;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String reference() {
    return reference;
  }

  public String description() {
    return description;
  }

  public Long reversesEntryId() {
    return reversesEntryId;
  }

  public String actor() {
    return actor;
  }
}
