package com.commcredits.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Delivers due notifications, one transaction each: the row is locked (other servers skip it), the
 * mail is sent, the row is marked sent; a failure is recorded with the next retry time. Nothing is
 * lost while the mail server is down, and a sent notification is never picked again.
 */
@Stateless
public class OutboxSender {
  @Inject NotificationRepository outbox;
  @Inject MailTransport mail;
  @Inject Clock clock;
  @Inject OutboxDelivery delivery;

  /** Sends what is due; returns how many were sent. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sendDue() {
    if (!mail.isConfigured()) {
      return 0;
    }
    int sent = 0;
    for (Long id : outbox.due(clock.instant(), 100)) {
      if (delivery.deliver(id)) {
        sent++;
      }
    }
    return sent;
  }
}
