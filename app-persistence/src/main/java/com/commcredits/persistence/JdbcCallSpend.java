package com.commcredits.persistence;

import com.commcredits.rating.CallRecord;
import com.commcredits.rating.UsageFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hourly spend rows (call_spend_hourly, V23): written with each rated batch, read for the
 * report's count and the spend charts when they answer exactly (issue 15).
 */
@ApplicationScoped
class JdbcCallSpend {
  @Inject JdbcBatches batches;

  /** One hour of one organisation's calls of one kind: how many and their charges. */
  private record HourKey(long organisationId, Instant hour, String kind) {}

  /**
   * Adds the records to the hourly spend rows, one upsert per organisation, hour (UTC) and kind: a
   * batch of 1,000 calls touches a few rows. The caller holds the organisation's lock.
   */
  void add(List<CallRecord> rows) {
    Map<HourKey, Object[]> sums = new TreeMap<>(HOUR_ORDER);
    for (CallRecord r : rows) {
      Object[] sum =
          sums.computeIfAbsent(
              new HourKey(
                  r.organisationId(), r.startAt().truncatedTo(ChronoUnit.HOURS), r.kind().name()),
              k -> new Object[] {0L, BigDecimal.ZERO});
      sum[0] = (Long) sum[0] + 1;
      sum[1] = ((BigDecimal) sum[1]).add(r.charge());
    }
    batches.insertRows(
        "INSERT INTO call_spend_hourly (organisation_id, hour, kind, calls, charge)",
        "ON DUPLICATE KEY UPDATE calls = calls + VALUES(calls), charge = charge + VALUES(charge)",
        5,
        List.copyOf(sums.entrySet()),
        (v, e) ->
            v.add(e.getKey().organisationId())
                .add(e.getKey().hour())
                .add(e.getKey().kind())
                .add((long) (Long) e.getValue()[0])
                .add((BigDecimal) e.getValue()[1]));
  }

  /** Rows in key order, so two writers would lock them in the same order. */
  private static final Comparator<HourKey> HOUR_ORDER =
      Comparator.comparingLong(HourKey::organisationId)
          .thenComparing(HourKey::hour)
          .thenComparing(HourKey::kind);

  /**
   * Whether the hourly spend rows answer the filter exactly: no user filter, the period's ends on
   * whole hours, and every offset of the zone in the period a whole number of hours (so each day of
   * the zone is a sum of whole hours).
   */
  static boolean hourly(UsageFilter f, ZoneId zone) {
    if (f.userUpn() != null
        || f.from().getEpochSecond() % 3600 != 0
        || f.to().getEpochSecond() % 3600 != 0) {
      return false;
    }
    if (zone == null) {
      return true;
    }
    if (zone.getRules().getOffset(f.from()).getTotalSeconds() % 3600 != 0) {
      return false;
    }
    for (ZoneOffsetTransition t = zone.getRules().nextTransition(f.from());
        t != null && t.getInstant().isBefore(f.to());
        t = zone.getRules().nextTransition(t.getInstant())) {
      if (t.getInstant().getEpochSecond() % 3600 != 0
          || t.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
        return false;
      }
    }
    return true;
  }

  /** The calls of the filter (no user; see {@link #hourly}) from the hourly rows. */
  long count(long organisationId, UsageFilter filter) {
    return batches
        .first(
            "SELECT COALESCE(SUM(calls), 0) FROM call_spend_hourly WHERE organisation_id = ? "
                + "AND hour >= ? AND hour < ?"
                + (filter.kind() == null ? "" : " AND kind = ?"),
            ps -> {
              ps.setLong(1, organisationId);
              ps.setTimestamp(2, UtcTimestamps.of(filter.from()));
              ps.setTimestamp(3, UtcTimestamps.of(filter.to()));
              if (filter.kind() != null) {
                ps.setString(4, filter.kind().name());
              }
            },
            row -> row.getLong(1))
        .orElse(0L);
  }
}
