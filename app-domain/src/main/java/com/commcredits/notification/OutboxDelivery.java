package com.commcredits.notification;

import com.commcredits.config.AppSettings;
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
  @Inject NotificationRepository outbox;
  @Inject MailTransport mail;
  @Inject Clock clock;

  /** First retry delay (NOTIFY_RETRY_SECONDS); it doubles each time up to an hour. */
  @Inject AppSettings settings;

  @Inject AttachmentSource attachments;

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
          settings.notifyRetrySeconds());
      return false;
    }
    try {
      List<MailTransport.Attachment> files =
          n.attachment() == null
              ? List.of()
              : attachments.render(n.organisationId(), n.attachment()).stream().toList();
      mail.send(to, n.subject(), n.textBody(), n.htmlBody(), files);
      n.sent(clock.instant());
      return true;
    } catch (Exception e) {
      n.failed(
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          clock.instant(),
          settings.notifyRetrySeconds());
      return false;
    }
  }
}
