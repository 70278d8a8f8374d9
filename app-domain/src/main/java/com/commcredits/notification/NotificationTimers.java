package com.commcredits.notification;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Runs the outbox sender every 10 seconds. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationTimers {
  @Inject OutboxSender sender;

  @Schedule(
      hour = "*",
      minute = "*",
      second = "*/10",
      persistent = false,
      info = "send notifications")
  public void send() {
    sender.sendDue();
  }
}
