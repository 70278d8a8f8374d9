package com.commcredits.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * One delivery in its own transaction, holding the notification's row lock while the mail is sent.
 */
@Stateless
public class OutboxDelivery {
  /**
   * First retry delay (NOTIFY_RETRY_SECONDS, 30 s unless set); it doubles each time up to an hour.
   */
  static final long RETRY_BASE_SECONDS =
      Long.parseLong(System.getenv().getOrDefault("NOTIFY_RETRY_SECONDS", "30"));

  @Inject NotificationRepository outbox;
  @Inject MailTransport mail;
  @Inject Clock clock;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean deliver(long id) {
    Notification n = outbox.claim(id).orElse(null);
    if (n == null
        || n.status() != NotificationStatus.QUEUED
        || n.nextAttemptAt().isAfter(clock.instant())) {
      return false;
    }
    List<String> to = n.recipients();
    if (to.isEmpty()) {
      n.failed(
          "The organisation has no billing contact to write to.",
          clock.instant(),
          RETRY_BASE_SECONDS);
      return false;
    }
    try {
      mail.send(to, n.subject(), n.textBody(), n.htmlBody());
      n.sent(clock.instant());
      return true;
    } catch (Exception e) {
      n.failed(
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          clock.instant(),
          RETRY_BASE_SECONDS);
      return false;
    }
  }
}
