package com.commcredits.web.pages;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Deletes background export files and rows an hour after they are ready, every five minutes,
 * whether or not anyone opens an export page. Every server runs it; they share EXPORT_DIR and the
 * rows, and deleting twice is harmless.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportCleanup {
  @Inject ExportJobs jobs;

  @Schedule(hour = "*", minute = "*/5", persistent = false, info = "delete old exports")
  public void removeExpired() {
    jobs.removeExpiredEverywhere();
  }
}
