package com.commcredits.notification;

/** Queued until delivered; failed after the last retry. */
public enum NotificationStatus {
  QUEUED,
  SENT,
  FAILED
}
