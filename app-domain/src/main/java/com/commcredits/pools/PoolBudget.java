package com.commcredits.pools;

import com.commcredits.catalog.PoolKind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The minute pools of one organisation while a batch of calls is rated: each pool month is locked
 * and read once, calls take from it in memory, and what they took is written once per pool at the
 * end ({@link #commit}). Holding the row locks to the end of the transaction keeps the in-memory
 * count exact.
 */
public final class PoolBudget {
  private final long organisationId;
  private final PoolRepository pools;
  private final Function<YearMonth, Instant> capacityInstant;
  private final Map<YearMonth, Map<PoolKey, Long>> capacities = new HashMap<>();
  private final Map<Key, long[]> state = new LinkedHashMap<>();

  private record Key(PoolKey pool, YearMonth month) {}

  /**
   * @param capacityInstant for a month, the instant whose licence assignments give its capacity
   */
  public PoolBudget(
      long organisationId, PoolRepository pools, Function<YearMonth, Instant> capacityInstant) {
    this.organisationId = organisationId;
    this.pools = pools;
    this.capacityInstant = capacityInstant;
  }

  /**
   * Minutes still available in the pool of a country and kind for a month (locks it on first use).
   */
  public long available(String country, PoolKind kind, YearMonth month) {
    long[] s = state(new Key(new PoolKey(country, kind), month));
    return Math.max(0, s[0] - s[1] - s[2]);
  }

  /** Takes up to {@code minutes}; returns how many the pool covered. */
  public long take(String country, PoolKind kind, YearMonth month, long minutes) {
    if (minutes <= 0) {
      return 0;
    }
    long covered = Math.min(minutes, available(country, kind, month));
    state(new Key(new PoolKey(country, kind), month))[2] += covered;
    return covered;
  }

  /** Writes what the batch took, one update per pool month. */
  public void commit() {
    state.forEach(
        (key, s) -> {
          if (s[2] > 0) {
            pools.addUsed(organisationId, key.pool(), key.month(), s[2]);
            s[1] += s[2];
            s[2] = 0;
          }
        });
  }

  /** {capacity, used before this batch, taken by this batch}. */
  private long[] state(Key key) {
    return state.computeIfAbsent(
        key,
        k -> {
          long used = pools.lockUsed(organisationId, k.pool(), k.month());
          long capacity =
              capacities
                  .computeIfAbsent(
                      k.month(), m -> pools.capacities(organisationId, capacityInstant.apply(m)))
                  .getOrDefault(k.pool(), 0L);
          return new long[] {capacity, used, 0};
        });
  }
}
