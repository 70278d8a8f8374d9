package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The reconciliation's own rows, and the reads its checks make over the money tables. */
public interface ReconciliationRepository {

  /** A wallet's row and lot sums, read under a shared lock on the wallet (a consistent view). */
  record WalletFacts(
      long walletId,
      long organisationId,
      BigDecimal balance,
      BigDecimal lotRemainders,
      long lastEntryId) {}

  /** The ledger entries of a wallet in an id range: their sum, count and last id. */
  record LedgerDelta(BigDecimal sum, long entries, long lastEntryId) {}

  /** One lot with the sum of its allocations (restorations are negative allocations). */
  record LotFacts(long lotId, BigDecimal amount, BigDecimal remaining, BigDecimal allocated) {}

  /** One row of pool usage with its organisation's time zone. */
  record PoolCount(
      long organisationId, String country, String poolKind, String month, long used, ZoneId zone) {}

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

  /** The smallest and largest wallet id; {0, -1} without wallets. */
  long[] walletIdRange();

  List<Long> walletIds(long from, long to, long after, int limit);

  WalletFacts lockedFacts(long walletId);

  LedgerDelta ledgerAfter(long walletId, long afterEntryId, long upToEntryId);

  List<LotFacts> lots(long walletId);

  Optional<WalletCheck> checkpoint(long walletId);

  void saveCheckpoint(WalletCheck check);

  /** Stores findings; one already stored (same run, kind and subject) is skipped. */
  void addFindings(List<Finding> findings);

  /** Calls against ledger charges, payments against lots, EA fundings against billing lines. */
  List<Finding> crossChecks(long runId, Instant settledBefore);

  List<PoolCount> poolCounts();

  long poolMinutes(long organisationId, String country, String poolKind, Instant from, Instant to);

  List<Finding> findings(long runId, FindingKind kind, Long organisationId, int offset, int limit);

  long countFindings(long runId, FindingKind kind, Long organisationId);

  /** Whether the organisation publishes rates: it is the operator. */
  boolean isOperator(long organisationId);

  /** The organisations that publish rates (normally the one operator). */
  List<Long> operatorOrganisations();

  Optional<WalletCheck> lastCheckOfOrganisation(long organisationId);
}
