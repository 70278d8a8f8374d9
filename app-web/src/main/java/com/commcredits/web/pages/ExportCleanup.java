package com.commcredits.web.pages;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Deletes background export files an hour after they are ready, every five minutes, whether or not
 * anyone opens an export page (a timer of this server only: the files are on its disk).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExportCleanup {
  @Inject ExportJobs jobs;

  @Schedule(hour = "*", minute = "*/5", persistent = false, info = "delete old exports")
  public void removeExpired() {
    jobs.removeExpired();
  }
}
