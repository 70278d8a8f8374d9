package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The admission rule of background exports (R-REP-1): at most two running per admin and six per
 * server; finished and failed ones do not count.
 */
class ExportJobsTest {
  private final List<ExportJobs.Job> jobs = new ArrayList<>();

  private ExportJobs.Job running(long organisationId, long adminId) {
    ExportJobs.Job job =
        new ExportJobs.Job(
            "job-" + jobs.size(), organisationId, adminId, "csv", 100, null, Instant.EPOCH);
    jobs.add(job);
    return job;
  }

  @Test
  void R_REP_1_a_third_running_export_of_one_admin_is_refused() {
    running(1, 10);
    assertEquals(Optional.empty(), ExportJobs.admission(jobs, 1, 10));
    running(1, 10);
    assertEquals(Optional.of(ExportJobs.Busy.ADMIN), ExportJobs.admission(jobs, 1, 10));
    assertEquals(
        Optional.empty(), ExportJobs.admission(jobs, 1, 11), "a colleague still may export");
  }

  @Test
  void R_REP_1_finished_and_failed_exports_do_not_count() {
    running(1, 10).finish(ExportJobs.Status.DONE, Instant.EPOCH);
    running(1, 10).finish(ExportJobs.Status.FAILED, Instant.EPOCH);
    running(1, 10);
    assertEquals(Optional.empty(), ExportJobs.admission(jobs, 1, 10));
  }

  @Test
  void R_REP_1_a_seventh_running_export_on_the_server_is_refused() {
    for (long admin = 1; admin <= 5; admin++) {
      running(admin, admin);
    }
    assertEquals(Optional.empty(), ExportJobs.admission(jobs, 9, 9), "the sixth may start");
    running(9, 9);
    assertEquals(Optional.of(ExportJobs.Busy.SERVER), ExportJobs.admission(jobs, 7, 7));
    assertEquals(
        Optional.of(ExportJobs.Busy.SERVER),
        ExportJobs.admission(jobs, 9, 9),
        "one running of their own, the server is full");
  }

  @Test
  void R_REP_1_the_admins_own_limit_is_named_first_and_admins_are_told_apart_by_organisation() {
    for (int i = 0; i < 6; i++) {
      running(1, 10);
    }
    assertEquals(Optional.of(ExportJobs.Busy.ADMIN), ExportJobs.admission(jobs, 1, 10));
    jobs.clear();
    running(2, 10);
    running(2, 10);
    assertEquals(Optional.empty(), ExportJobs.admission(jobs, 1, 10));
  }
}
