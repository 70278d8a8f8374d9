package com.commcredits.web.pages;

import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.shared.Caller;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a background export on a container thread, counting rows as they are written. */
@Stateless
public class ExportRunner {
  private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());

  @Inject UsageReport report;
  @Inject Clock clock;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void run(ExportJobs.Job job, Caller caller, UsageFilter filter) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(job.file()))) {
      if ("xlsx".equals(job.format())) {
        UsageExport.xlsx(report, caller, filter, out, job::rowWritten);
      } else {
        UsageExport.csv(report, caller, filter, out, job::rowWritten);
      }
      job.finish(ExportJobs.Status.DONE, clock.instant());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Export " + job.id() + " failed", e);
      job.finish(ExportJobs.Status.FAILED, clock.instant());
    }
  }
}
