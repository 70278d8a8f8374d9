package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The set-based reads of the cross-checks: calls against ledger charges, payments against lots, EA
 * fundings against billing lines, and pool usage against the pool minutes of calls.
 */
public interface CrossCheckRepository {

  /** One row of pool usage with its organisation's time zone. */
  record PoolCount(
      long organisationId, String country, String poolKind, String month, long used, ZoneId zone) {}

  /** Calls against ledger charges, payments against lots, EA fundings against billing lines. */
  List<Finding> crossChecks(long runId, Instant settledBefore);

  List<PoolCount> poolCounts();

  long poolMinutes(long organisationId, String country, String poolKind, Instant from, Instant to);

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
