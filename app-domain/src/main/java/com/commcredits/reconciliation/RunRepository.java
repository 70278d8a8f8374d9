package com.commcredits.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation runs and their findings: claiming a run, counting its progress, ending it, and
 * reading them back (for the operator, the only organisation that sees runs).
 */
public interface RunRepository {

  /**
   * Inserts a RUNNING run holding the running flag (and the timer date, for a timer's run); empty
   * when another run is going (or that night already has its timer run).
   */
  Optional<Long> claim(RunMode mode, String startedBy, LocalDate timerDate, Instant now);

  /** Marks a FAILED run RUNNING again for its restart; false when another run is going. */
  boolean reclaim(long runId);

  void attachExecution(long runId, long executionId);

  Optional<ReconciliationRun> find(long runId);

  List<ReconciliationRun> list(int limit);

  /** Runs still marked RUNNING (after a crash: abandoned). */
  List<ReconciliationRun> running();

  void partitions(long runId, int total);

  void partitionDone(long runId);

  void progress(long runId, long wallets, long entries);

  void lotsExpired(long runId, int lots);

  void paymentsSettled(long runId, int payments);

  /** Ends the run: status, the count of its findings, and frees the running flag. */
  void finish(long runId, RunStatus status, String error, Instant now);

  /** Stores findings; one already stored (same run, kind and subject) is skipped. */
  void addFindings(List<Finding> findings);

  List<Finding> findings(long runId, FindingKind kind, Long organisationId, int offset, int limit);

  long countFindings(long runId, FindingKind kind, Long organisationId);

  /** Whether the organisation publishes rates: it is the operator. */
  boolean isOperator(long organisationId);

  /** The organisations that publish rates (normally the one operator). */
  List<Long> operatorOrganisations();
}
