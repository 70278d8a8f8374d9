package com.commcredits.reconciliation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The run rows' own short transactions: claim (the cluster-wide guard), attach, fail, reclaim. */
@Stateless
public class RunClaims {
  @Inject RunRepository runs;
  @Inject Clock clock;

  public Optional<Long> claim(RunMode mode, String startedBy, LocalDate timerDate, Instant now) {
    return runs.claim(mode, startedBy, timerDate, now);
  }

  public boolean reclaim(long runId) {
    return runs.reclaim(runId);
  }

  public void attach(long runId, long execution) {
    runs.attachExecution(runId, execution);
  }

  public void markFailed(long runId, String error) {
    runs.finish(runId, RunStatus.FAILED, error, clock.instant());
  }
}
