package com.commcredits.notification;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs the outbox sender every 10 seconds. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationTimers {
  private static final Logger LOG = Logger.getLogger(NotificationTimers.class.getName());

  @Inject OutboxSender sender;

  @Schedule(
      hour = "*",
      minute = "*",
      second = "*/10",
      persistent = false,
      info = "send notifications")
  public void send() {
    try {
      sender.sendDue();
    } catch (RuntimeException e) {
      // never let the callback fail: Liberty retries a failed non-persistent timer only after
      // nonPersistentRetryInterval (300 s) and holds its schedule until then, so a database blip
      // stopped all mail for 5 minutes (fault campaign); the next run, in 10 s, tries again
      LOG.log(Level.WARNING, "Outbox run failed; the next run tries again", e);
    }
  }
}
