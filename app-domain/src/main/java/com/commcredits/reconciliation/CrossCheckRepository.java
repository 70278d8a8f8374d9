package com.commcredits.reconciliation;

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
}
