package com.commcredits.dispute;

import com.commcredits.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's dispute of one rated call (R-DISPUTE-1): open with the tenant's reason until the
 * operator approves it (with the refund's entry and credit note) or rejects it (with a reason). At
 * most one is open per call, which the database enforces too.
 */
@Entity
@Table(name = "call_dispute")
public class CallDispute {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "call_record_id", nullable = false, updatable = false)
  private long callRecordId;

  @Column(name = "call_id", nullable = false, updatable = false)
  private String callId;

  @Column(nullable = false, updatable = false)
  private BigDecimal charge;

  @Column(nullable = false, updatable = false)
  private String currency;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DisputeStatus status;

  /** 1 while open, null after: the unique (call, open_flag) allows one open dispute per call. */
  @Column(name = "open_flag")
  private Integer openFlag;

  @Column(name = "opened_by", nullable = false, updatable = false)
  private String openedBy;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "decision_key")
  private String decisionKey;

  @Column(name = "refund_entry_id")
  private Long refundEntryId;

  @Column(name = "credit_note_id")
  private Long creditNoteId;

  @Version private long version;

  protected CallDispute() {
    // for JPA
  }

  public CallDispute(
      long organisationId,
      long callRecordId,
      String callId,
      Money charge,
      String reason,
      String openedBy,
      Instant openedAt) {
    this.organisationId = organisationId;
    this.callRecordId = callRecordId;
    this.callId = Objects.requireNonNull(callId, "callId");
    this.charge = charge.amount();
    this.currency = charge.currency().name();
    this.reason = Objects.requireNonNull(reason, "reason");
    this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
    this.status = DisputeStatus.OPEN;
    this.openFlag = 1;
  }

  void approved(
      String by, Instant at, String note, String key, long refundEntryId, long creditNoteId) {
    decide(DisputeStatus.APPROVED, by, at, note);
    this.decisionKey = key;
    this.refundEntryId = refundEntryId;
    this.creditNoteId = creditNoteId;
  }

  void rejected(String by, Instant at, String why) {
    decide(DisputeStatus.REJECTED, by, at, Objects.requireNonNull(why, "why"));
  }

  private void decide(DisputeStatus outcome, String by, Instant at, String why) {
    if (status != DisputeStatus.OPEN) {
      throw new IllegalStateException("Dispute " + id + " is already " + status);
    }
    this.status = outcome;
    this.openFlag = null;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionReason = why;
  }

  public boolean isOpen() {
    return status == DisputeStatus.OPEN;
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public long callRecordId() {
    return callRecordId;
  }

  public String callId() {
    return callId;
  }

  public Money charge() {
    return Money.of(charge, currency);
  }

  public String reason() {
    return reason;
  }

  public DisputeStatus status() {
    return status;
  }

  public String openedBy() {
    return openedBy;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  /** The operator's reason for a rejection, or the note of an approval (may be null). */
  public String decisionReason() {
    return decisionReason;
  }

  public String decisionKey() {
    return decisionKey;
  }

  public Long refundEntryId() {
    return refundEntryId;
  }

  public Long creditNoteId() {
    return creditNoteId;
  }
}
