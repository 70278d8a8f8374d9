package com.commcredits.audit;

import com.commcredits.shared.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One audited action; written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  private static final int SUMMARY_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_type", nullable = false, updatable = false)
  private Caller.ActorType actorType;

  @Column(name = "actor_id", nullable = false, updatable = false)
  private long actorId;

  @Column(name = "actor_name", nullable = false, updatable = false)
  private String actorName;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "target_type", updatable = false)
  private String targetType;

  @Column(name = "target_id", updatable = false)
  private String targetId;

  @Column(nullable = false, updatable = false)
  private String summary;

  @Column(name = "before_state", updatable = false)
  private String before;

  @Column(name = "after_state", updatable = false)
  private String after;

  protected AuditEntry() {
    // for JPA
  }

  public AuditEntry(
      Caller actor,
      Instant occurredAt,
      AuditAction action,
      String targetType,
      String targetId,
      String summary,
      String before,
      String after) {
    this.organisationId = actor.organisationId();
    this.actorType = actor.actorType();
    this.actorId = actor.actorId();
    this.actorName = actor.actorName();
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.action = Objects.requireNonNull(action, "action").name();
    this.targetType = targetType;
    this.targetId = targetId;
    String text = Objects.requireNonNull(summary, "summary");
    this.summary = text.length() > SUMMARY_MAX ? text.substring(0, SUMMARY_MAX) : text;
    this.before = before;
    this.after = after;
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Caller.ActorType actorType() {
    return actorType;
  }

  public String actorName() {
    return actorName;
  }

  public String action() {
    return action;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String summary() {
    return summary;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }
}
