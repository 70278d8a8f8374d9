package com.commcredits.pools;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/** Pool capacity from licence assignments, and the minutes used per month. */
public interface PoolRepository {
  /** Minutes per pool from the licences assigned at {@code at} to users by their usage location. */
  Map<PoolKey, Long> capacities(long organisationId, Instant at);

  Map<PoolKey, Long> used(long organisationId, YearMonth month);

  /** The minutes used so far, with the pool's month row locked (created at zero if new). */
  long lockUsed(long organisationId, PoolKey pool, YearMonth month);

  void addUsed(long organisationId, PoolKey pool, YearMonth month, long minutes);
}
