package com.commcredits.reconciliation;

import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reconciliation's use cases (R-RECON-2, R-RECON-3): the operator's Global admins start runs
 * and read them; every other organisation sees no run at all (404), only when its own wallet was
 * last checked. Starting claims the run in the database first, so a second start anywhere in the
 * cluster is refused while one runs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationService {
  private static final Logger LOG = Logger.getLogger(ReconciliationService.class.getName());

  @Inject RunRepository runs;
  @Inject WalletCheckRepository walletChecks;
  @Inject RunClaims claims;
  @Inject JobControl jobs;
  @Inject Clock clock;

  /** Whether this caller is one of the operator's Global admins (may see and start runs). */
  public boolean isOperatorAdmin(Caller caller) {
    return caller.can(Permission.MANAGE_SETTINGS) && runs.isOperator(caller.organisationId());
  }

  /** Starts a run on demand; 409 while another runs. */
  public ReconciliationRun start(Caller caller, RunMode mode) {
    requireOperator(caller);
    return begin(mode, caller.actorName(), null, null).orElseThrow(RunAlreadyGoing::new);
  }

  /** Test hook: a run whose wallet check fails on one wallet (see {@link JobControl}). */
  public ReconciliationRun startFailingAt(Caller caller, RunMode mode, long walletId) {
    requireOperator(caller);
    return begin(mode, caller.actorName(), null, walletId).orElseThrow(RunAlreadyGoing::new);
  }

  /**
   * The timer's run for a business date; empty when that night's run exists or another is going
   * (another server's timer fired too).
   */
  public Optional<ReconciliationRun> startNightly(LocalDate businessDate, RunMode mode) {
    return begin(mode, "Timer", businessDate, null);
  }

  /** Restarts a failed run from its checkpoints; 409 while another runs. */
  public ReconciliationRun restart(Caller caller, long runId) {
    requireOperator(caller);
    ReconciliationRun run =
        runs.find(runId).orElseThrow(() -> new NotFoundException("The reconciliation run"));
    if (run.status() != RunStatus.FAILED || run.jobExecutionId() == null) {
      throw new ConflictException("Only a failed run can be restarted.");
    }
    return resume(run);
  }

  /**
   * At server start: runs left RUNNING by a crashed server are failed by the batch runtime (this
   * server's own) and restarted from their checkpoints; FAILED ones are left for the operator.
   * Returns how many were restarted.
   */
  public int recoverAbandoned() {
    int restarted = 0;
    for (ReconciliationRun run : runs.running()) {
      if (run.jobExecutionId() == null) {
        continue;
      }
      long execution = jobs.latestExecution(run.jobExecutionId());
      BatchStatus status = jobs.status(execution);
      if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED) {
        LOG.info(() -> "Reconciliation run " + run.id() + " was interrupted; restarting it");
        Retries.run(() -> claims.markFailed(run.id(), "Interrupted (" + status + ")"));
        resume(runs.find(run.id()).orElseThrow());
        restarted++;
      }
    }
    return restarted;
  }

  public List<ReconciliationRun> runs(Caller caller, int limit) {
    requireOperator(caller);
    return runs.list(Math.max(1, Math.min(limit, 500)));
  }

  public ReconciliationRun run(Caller caller, long runId) {
    requireOperator(caller);
    return runs.find(runId).orElseThrow(() -> new NotFoundException("The reconciliation run"));
  }

  public List<Finding> findings(
      Caller caller, long runId, FindingKind kind, Long organisationId, int offset, int limit) {
    run(caller, runId);
    return runs.findings(runId, kind, organisationId, Math.max(0, offset), limit);
  }

  public long countFindings(Caller caller, long runId, FindingKind kind, Long organisationId) {
    run(caller, runId);
    return runs.countFindings(runId, kind, organisationId);
  }

  /** The caller's own wallet: when it was last checked and whether it matched. */
  public Optional<WalletCheck> lastCheck(Caller caller) {
    return walletChecks.lastCheckOfOrganisation(caller.organisationId());
  }

  private Optional<ReconciliationRun> begin(
      RunMode mode, String startedBy, LocalDate timerDate, Long failAt) {
    Optional<Long> claimed =
        Retries.call(() -> claims.claim(mode, startedBy, timerDate, clock.instant()));
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    long runId = claimed.get();
    try {
      long execution = jobs.start(runId, mode, failAt);
      Retries.run(() -> claims.attach(runId, execution));
    } catch (RuntimeException e) {
      Retries.run(() -> claims.markFailed(runId, "The job did not start: " + e.getMessage()));
      LOG.log(Level.SEVERE, "Reconciliation run " + runId + " did not start", e);
      throw e;
    }
    return runs.find(runId);
  }

  private ReconciliationRun resume(ReconciliationRun run) {
    if (!Retries.call(() -> claims.reclaim(run.id()))) {
      throw new RunAlreadyGoing();
    }
    long latest = jobs.latestExecution(run.jobExecutionId());
    long execution = jobs.restart(run.id(), run.mode(), latest);
    Retries.run(() -> claims.attach(run.id(), execution));
    return runs.find(run.id()).orElseThrow();
  }

  private void requireOperator(Caller caller) {
    if (!isOperatorAdmin(caller)) {
      throw new NotFoundException("The reconciliation");
    }
  }
}
