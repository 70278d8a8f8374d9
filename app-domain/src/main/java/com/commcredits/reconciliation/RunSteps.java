package com.commcredits.reconciliation;

import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.reconciliation.CrossCheckRepository.Marks;
import com.commcredits.reconciliation.CrossCheckRepository.PoolCount;
import com.commcredits.reconciliation.WalletCheckRepository.LedgerDelta;
import com.commcredits.reconciliation.WalletCheckRepository.LotFacts;
import com.commcredits.reconciliation.WalletCheckRepository.WalletFacts;
import com.commcredits.shared.Retries;
import com.commcredits.wallet.ExpiryNotices;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.LotExpiry;
import com.commcredits.wallet.WalletQueries;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The work of each step of the reconciliation job, called by the job's artifacts; each method is
 * its own transaction (or none, where it retries use cases that are).
 */
@Stateless
public class RunSteps {
  private static final Logger LOG = Logger.getLogger(RunSteps.class.getName());

  /** A payment still pending after this long is asked about (the minute timer uses the same). */
  static final Duration SETTLE_AFTER = Duration.ofSeconds(30);

  /**
   * A run marks as cross-checked only rows older than this: longer than any transaction may stay
   * open (Liberty ends them after 120 s), so no row with a lower id can still be uncommitted.
   */
  static final Duration MARK_LAG = Duration.ofMinutes(10);

  @Inject RunRepository runs;
  @Inject WalletCheckRepository walletChecks;
  @Inject CrossCheckRepository crossCheckReads;
  @Inject LedgerDayChecks ledgerDays;
  @Inject WalletQueries wallets;
  @Inject LotExpiry expiry;
  @Inject ExpiryNotices expiryNotices;
  @Inject FundingService fundings;
  @Inject Notifier notifier;
  @Inject Clock clock;

  /**
   * Step 1: expires due lots (R-FUND-4), each wallet in its own transaction, retried on a deadlock;
   * then the 30- and 7-day warnings not yet written. A lot already expired is not due any more, so
   * a restarted step expires nothing twice.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int expireLots(long runId) {
    int lots = 0;
    for (Long walletId : wallets.walletsWithLotsDue()) {
      try {
        lots += Retries.call(() -> expiry.expireLots(walletId));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Expiry of wallet " + walletId + " failed in run " + runId, e);
      }
    }
    Retries.call(expiryNotices::sendExpiryWarnings);
    int expired = lots;
    Retries.run(() -> runs.lotsExpired(runId, expired));
    return expired;
  }

  /** Step 2: fundings whose payment outcome is unknown are settled by asking the gateway. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int settlePayments(long runId) {
    int settled = fundings.resolvePending(SETTLE_AFTER);
    Retries.run(() -> runs.paymentsSettled(runId, settled));
    return settled;
  }

  /**
   * Step 3, one range of wallets (ids {@code from} to {@code to}) in its own short transaction,
   * set-based: the wallets' rows are read under a shared lock (so no money moves on them while
   * their sums are read), then their ledger sums and lots in a few statements. An incremental run
   * first reads the range without locks and locks only the wallets that moved since their
   * checkpoint. Stores nothing.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<WalletChecks.Outcome> checkWallets(long runId, RunMode mode, long from, long to) {
    Map<Long, WalletCheck> checkpoints = walletChecks.checkpoints(from, to);
    Map<Long, WalletFacts> facts;
    Map<Long, LedgerDelta> ledger;
    Collection<Long> read;
    if (mode == RunMode.FULL) {
      facts = walletChecks.lockedFacts(from, to);
      ledger = walletChecks.ledger(from, to);
      read = facts.keySet();
    } else {
      facts = new LinkedHashMap<>(walletChecks.facts(from, to));
      Set<Long> moved = WalletChecks.changed(facts, checkpoints).keySet();
      if (!moved.isEmpty()) {
        facts.putAll(walletChecks.lockedFacts(moved));
      }
      Map<Long, Long> changed = WalletChecks.changed(facts, checkpoints);
      ledger = changed.isEmpty() ? Map.of() : walletChecks.ledgerAfter(changed);
      read = changed.keySet();
    }
    Map<Long, List<LotFacts>> lots = read.isEmpty() ? Map.of() : walletChecks.lots(read);
    return WalletChecks.checkRange(runId, mode, facts, checkpoints, ledger, lots, clock.instant());
  }

  /** Step 3, the chunk's writes (inside the chunk's transaction): findings, checkpoints, counts. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void record(long runId, List<WalletChecks.Outcome> outcomes) {
    List<Finding> findings = new ArrayList<>();
    List<WalletCheck> checked = new ArrayList<>();
    long entries = 0;
    for (WalletChecks.Outcome outcome : outcomes) {
      findings.addAll(outcome.findings());
      if (!outcome.unchanged()) {
        checked.add(outcome.checkpoint());
      }
      entries += outcome.entriesChecked();
    }
    walletChecks.saveCheckpoints(checked);
    runs.addFindings(findings);
    runs.progress(runId, outcomes.size(), entries);
  }

  /**
   * Step 4: calls against ledger charges, payments against lots, EA fundings against billing lines
   * (set-based queries), then each month's pool usage against its calls' pool minutes.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int crossCheck(long runId) {
    Instant now = clock.instant();
    RunMode mode = runs.find(runId).orElseThrow().mode();
    Marks last = crossCheckReads.lastMarks(runId).orElse(null);
    // an incremental run reads what came after the last completed run's marks; a full run all
    Marks since = mode == RunMode.INCREMENTAL && last != null ? last : Marks.NONE;
    // the marks of this run: taken before the reads, over rows old enough to be committed
    Marks marks = crossCheckReads.marks(last == null ? Marks.NONE : last, now.minus(MARK_LAG));
    List<Finding> findings =
        new ArrayList<>(crossCheckReads.crossChecks(runId, now.minus(SETTLE_AFTER), since));
    for (PoolCount pool : crossCheckReads.poolCounts(since)) {
      YearMonth month = YearMonth.parse(pool.month());
      Instant from = month.atDay(1).atStartOfDay(pool.zone()).toInstant();
      Instant to = month.plusMonths(1).atDay(1).atStartOfDay(pool.zone()).toInstant();
      long minutes =
          crossCheckReads.poolMinutes(
              pool.organisationId(), pool.country(), pool.poolKind(), from, to);
      if (minutes != pool.used()) {
        findings.add(
            Finding.of(
                runId,
                FindingKind.POOL_MISMATCH,
                pool.organisationId(),
                null,
                "pool:" + pool.country() + ":" + pool.poolKind() + ":" + pool.month(),
                minutes,
                pool.used(),
                "The "
                    + pool.month()
                    + " usage of the "
                    + pool.country()
                    + " "
                    + pool.poolKind()
                    + " pool is not the pool minutes of its calls."));
      }
    }
    findings.addAll(hourlySpend(runId));
    findings.addAll(ledgerDays(runId));
    runs.addFindings(findings);
    crossCheckReads.saveMarks(runId, marks);
    return findings.size();
  }

  /** The hourly spend totals against the call records they sum (issue 15). */
  private List<Finding> hourlySpend(long runId) {
    return crossCheckReads.hourlySpendDiffs().stream()
        .map(
            d ->
                Finding.of(
                    runId,
                    FindingKind.DAILY_TOTAL_MISMATCH,
                    d.organisationId(),
                    null,
                    "spend:" + d.hour() + ":" + d.kind(),
                    d.charge(),
                    d.rowCharge(),
                    "The spend total of the hour "
                        + d.hour()
                        + " for "
                        + d.kind()
                        + " calls ("
                        + (d.rowCalls() == null ? "no row" : d.rowCalls() + " calls")
                        + ") is not what its "
                        + d.calls()
                        + " call records sum to."))
        .toList();
  }

  /** The wallets' daily charges (read by the runway) against their CHARGE entries (issue 15). */
  private List<Finding> ledgerDays(long runId) {
    return ledgerDays.ledgerDayDiffs().stream()
        .map(
            d ->
                Finding.of(
                    runId,
                    FindingKind.DAILY_TOTAL_MISMATCH,
                    d.organisationId(),
                    d.walletId(),
                    "charges:" + d.day(),
                    d.charged(),
                    d.rowCharged(),
                    "The daily charges of "
                        + d.day()
                        + " ("
                        + (d.rowEntries() == null ? "no row" : d.rowEntries() + " entries")
                        + ") are not what its "
                        + d.entries()
                        + " CHARGE entries sum to."))
        .toList();
  }

  /** Step 5: the report; a run with findings emails the operator's billing contacts. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void report(long runId) {
    runs.finish(runId, RunStatus.COMPLETED, null, clock.instant());
    ReconciliationRun run = runs.find(runId).orElseThrow();
    if (run.findings() > 0) {
      for (long operator : runs.operatorOrganisations()) {
        notifier.notify(
            operator,
            NotificationEvent.RECONCILIATION_FINDINGS,
            "run:" + runId,
            "Reconciliation run " + runId + " found " + run.findings() + " difference(s)",
            "The "
                + run.mode().name().toLowerCase()
                + " reconciliation run "
                + runId
                + " checked "
                + run.walletsChecked()
                + " wallet(s) and "
                + run.entriesChecked()
                + " ledger entries and found "
                + run.findings()
                + " difference(s). Nothing was corrected: see Settings > Reconciliation.");
      }
    }
  }

  /** The job ended without its report (a step failed or it was stopped): the run can restart. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(long runId, String error) {
    runs.find(runId)
        .filter(ReconciliationRun::running)
        .ifPresent(r -> runs.finish(runId, RunStatus.FAILED, error, clock.instant()));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long[] walletIdRange() {
    return walletChecks.walletIdRange();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void partitions(long runId, int total) {
    runs.partitions(runId, total);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void partitionDone(long runId) {
    runs.partitionDone(runId);
  }

  /** Wallet ids of a partition's range after {@code after}, in id order. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> walletIds(long from, long to, long after, int limit) {
    return walletChecks.walletIds(from, to, after, limit);
  }
}
