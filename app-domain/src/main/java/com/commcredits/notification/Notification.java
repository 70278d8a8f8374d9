package com.commcredits.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One email in the outbox: written with the event it tells about, unique per event occurrence (its
 * dedupe key), delivered at most once by the sender, retried with back-off while the mail server
 * fails.
 */
@Entity
@Table(name = "notification")
public class Notification {
  public static final int MAX_ATTEMPTS = 10;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private NotificationEvent event;

  @Column(name = "dedupe_key", nullable = false, updatable = false)
  private String dedupeKey;

  @Column(nullable = false, updatable = false)
  private String recipients;

  @Column(nullable = false, updatable = false)
  private String subject;

  @Column(name = "text_body", nullable = false, updatable = false)
  private String textBody;

  @Column(name = "html_body", nullable = false, updatable = false)
  private String htmlBody;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NotificationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(updatable = false)
  private String attachment;

  protected Notification() {
    // for JPA
  }

  public Notification(
      long organisationId,
      NotificationEvent event,
      String dedupeKey,
      List<String> recipients,
      String subject,
      String textBody,
      String htmlBody,
      Instant createdAt) {
    this.organisationId = organisationId;
    this.event = Objects.requireNonNull(event, "event");
    this.dedupeKey = Objects.requireNonNull(dedupeKey, "dedupeKey");
    this.recipients = String.join(",", recipients);
    this.subject = Objects.requireNonNull(subject, "subject");
    this.textBody = Objects.requireNonNull(textBody, "textBody");
    this.htmlBody = Objects.requireNonNull(htmlBody, "htmlBody");
    this.status = NotificationStatus.QUEUED;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.nextAttemptAt = createdAt;
  }

  /**
   * Names a document to attach when the email is sent, e.g. "receipt:42" (rendered then by {@link
   * AttachmentSource}); only before the notification is stored.
   */
  public Notification attaching(String reference) {
    this.attachment = reference;
    return this;
  }

  /** The attached document's reference, or null. */
  public String attachment() {
    return attachment;
  }

  public void sent(Instant at) {
    this.status = NotificationStatus.SENT;
    this.sentAt = at;
    this.attempts++;
    this.lastError = null;
  }

  /**
   * A failed delivery: retried after the base delay, then doubling up to an hour; failed for good
   * after the last.
   */
  public void failed(String error, Instant at, long baseDelaySeconds) {
    this.attempts++;
    this.lastError =
        error == null ? "unknown error" : error.substring(0, Math.min(300, error.length()));
    if (attempts >= MAX_ATTEMPTS) {
      this.status = NotificationStatus.FAILED;
    } else {
      long seconds = Math.min(3600, baseDelaySeconds << Math.min(attempts - 1, 7));
      this.nextAttemptAt = at.plus(Duration.ofSeconds(seconds));
    }
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public NotificationEvent event() {
    return event;
  }

  public String dedupeKey() {
    return dedupeKey;
  }

  public List<String> recipients() {
    return recipients.isBlank() ? List.of() : List.of(recipients.split(","));
  }

  public String subject() {
    return subject;
  }

  public String textBody() {
    return textBody;
  }

  public String htmlBody() {
    return htmlBody;
  }

  public NotificationStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
