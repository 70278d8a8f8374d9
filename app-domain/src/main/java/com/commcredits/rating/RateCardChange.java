package com.commcredits.rating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What replacing a rate card by another changes: lines added, changed (same kind, prefix and start)
 * and removed.
 */
public record RateCardChange(
    List<RateLine> added, List<Changed> changed, List<RateLine> removed, int unchanged) {
  /** A line whose prices, description or end date differ. */
  public record Changed(RateLine before, RateLine after) {}

  public static RateCardChange between(Collection<RateLine> current, Collection<RateLine> next) {
    Map<RateLine.Key, RateLine> old = new LinkedHashMap<>();
    current.forEach(l -> old.put(l.key(), l));
    List<RateLine> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    int unchanged = 0;
    for (RateLine line : next) {
      RateLine before = old.remove(line.key());
      if (before == null) {
        added.add(line);
      } else if (before.sameAs(line)) {
        unchanged++;
      } else {
        changed.add(new Changed(before, line));
      }
    }
    return new RateCardChange(
        List.copyOf(added), List.copyOf(changed), List.copyOf(old.values()), unchanged);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  /** "12 added, 3 changed, 1 removed, 140 unchanged". */
  public String summary() {
    return added.size()
        + " added, "
        + changed.size()
        + " changed, "
        + removed.size()
        + " removed, "
        + unchanged
        + " unchanged";
  }
}
