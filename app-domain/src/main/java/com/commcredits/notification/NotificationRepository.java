package com.commcredits.notification;

import com.commcredits.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox. */
public interface NotificationRepository {
  /** Adds the notification unless one with its dedupe key exists; true when it was added. */
  boolean addIfNew(Notification notification);

  /** Ids of queued notifications due for a delivery attempt. */
  List<Long> due(Instant at, int limit);

  /** The notification, locked and skipped by other senders while this transaction lasts. */
  Optional<Notification> claim(long id);

  Page<Notification> list(long organisationId, int page, int size);

  /** The billing contacts listed in Settings > Billing notifications. */
  List<String> contacts(long organisationId);

  void replaceContacts(long organisationId, List<String> emails, Instant at);

  /** What waits in the outbox: how many are queued and since when the oldest (for monitoring). */
  Backlog backlog();

  /** The outbox's queued notifications: their number and the oldest one's creation time. */
  record Backlog(long queued, Optional<Instant> oldestQueuedAt) {}
}
