package com.commcredits.pools;

import com.commcredits.catalog.PoolKind;

/** A pool of a month as the report shows it: total, used and available minutes (R-REP-2). */
public record PoolView(String country, PoolKind kind, long totalMinutes, long usedMinutes) {
  public long availableMinutes() {
    return Math.max(0, totalMinutes - usedMinutes);
  }

  /** Used share for the progress bar, 0 to 100. */
  public int percentUsed() {
    return totalMinutes == 0
        ? (usedMinutes > 0 ? 100 : 0)
        : (int) Math.min(100, usedMinutes * 100 / totalMinutes);
  }
}
