package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The set-based reads of the cross-checks: calls against ledger charges, payments against lots, EA
 * fundings against billing lines, and pool usage against the pool minutes of calls. Each read takes
 * the {@link Marks} it starts after: {@link Marks#NONE} reads everything (a full run), the last
 * completed run's marks read only what was written since (an incremental run).
 */
public interface CrossCheckRepository {

  /**
   * The highest ids a run cross-checked, per table, and the instant they stand for: every row with
   * a lower id was committed (rows are marked only once their own timestamp is older than {@code
   * at}, which is longer ago than any transaction may stay open).
   */
  record Marks(Instant at, long call, long entry, long funding, long lot) {
    /** Before everything: a full run. */
    public static final Marks NONE = new Marks(Instant.parse("1970-01-02T00:00:00Z"), 0, 0, 0, 0);
  }

  /** One month of one pool: its usage row (0 when there is none) and its organisation's zone. */
  record PoolCount(
      long organisationId, String country, String poolKind, String month, long used, ZoneId zone) {}

  /** Calls against ledger charges, payments against lots, EA fundings against billing lines. */
  List<Finding> crossChecks(long runId, Instant settledBefore, Marks since);

  /**
   * The pool months to check: those with pool-paid calls after {@code since} (with or without a
   * usage row) and, for a full run ({@link Marks#NONE}), every usage row too.
   */
  List<PoolCount> poolCounts(Marks since);

  long poolMinutes(long organisationId, String country, String poolKind, Instant from, Instant to);

  /** The marks of the newest completed run other than {@code runId} that has them. */
  Optional<Marks> lastMarks(long runId);

  /** The marks for rows older than {@code at}, reading only rows after {@code since}. */
  Marks marks(Marks since, Instant at);

  void saveMarks(long runId, Marks marks);

  /**
   * An hour (UTC) of one organisation's calls of one kind whose hourly spend row (issue 15) is not
   * what the call records sum to: their count and charges, and the row's (null when there is none).
   */
  record HourlySpendDiff(
      long organisationId,
      Instant hour,
      String kind,
      long calls,
      BigDecimal charge,
      Long rowCalls,
      BigDecimal rowCharge) {}

  /** The hourly spend rows that differ from the call records, for DAILY_TOTAL_MISMATCH. */
  List<HourlySpendDiff> hourlySpendDiffs();
}
