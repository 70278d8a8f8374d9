package com.commcredits.persistence;

import com.commcredits.rating.UsageFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ids of the usage report's pages and export chunks, read from an index before the rows (issue
 * 15): a deep page skips index entries, not rows, and an export walks only the period's id range.
 */
@ApplicationScoped
class JdbcCallRecordIds {
  @Inject JdbcBatches batches;

  private static String index(UsageFilter filter) {
    return filter.userUpn() == null
        ? "ix_call_record_org_start"
        : "ix_call_record_org_user_start_spend";
  }

  /**
   * A keyset page over the (organisation, [user,] start, id) index, newest first: after the
   * cursor's (start, id) in that order for {@code beforeId}, before it (read oldest first, then
   * turned) for {@code afterId}. A cursor not of this organisation reads as none.
   */
  List<Long> around(
      long organisationId, UsageFilter filter, Long beforeId, Long afterId, int limit) {
    Long cursorId = beforeId != null ? beforeId : afterId;
    Instant cursorStart = cursorId == null ? null : start(organisationId, cursorId);
    if (cursorStart == null) {
      cursorId = null;
    }
    boolean ascending = cursorId != null && beforeId == null;
    String seek = ascending ? ">" : "<";
    List<Long> ids = new ArrayList<>(limit);
    Long id = cursorId;
    Instant at = cursorStart;
    batches.each(
        "SELECT id FROM call_record FORCE INDEX ("
            + index(filter)
            + ") WHERE organisation_id = ?"
            + (filter.userUpn() == null ? "" : " AND user_upn = ?")
            + " AND start_at >= ? AND start_at < ?"
            + (filter.kind() == null ? "" : " AND kind = ?")
            + (id == null
                ? ""
                : " AND (start_at " + seek + " ? OR (start_at = ? AND id " + seek + " ?))")
            + (ascending ? " ORDER BY start_at, id" : " ORDER BY start_at DESC, id DESC")
            + " LIMIT ?",
        ps -> {
          int p = 1;
          ps.setLong(p++, organisationId);
          if (filter.userUpn() != null) {
            ps.setString(p++, filter.userUpn());
          }
          ps.setTimestamp(p++, UtcTimestamps.of(filter.from()));
          ps.setTimestamp(p++, UtcTimestamps.of(filter.to()));
          if (filter.kind() != null) {
            ps.setString(p++, filter.kind().name());
          }
          if (id != null) {
            ps.setTimestamp(p++, UtcTimestamps.of(at));
            ps.setTimestamp(p++, UtcTimestamps.of(at));
            ps.setLong(p++, id);
          }
          ps.setInt(p, limit);
        },
        row -> ids.add(row.getLong(1)));
    if (ascending) {
      Collections.reverse(ids);
    }
    return ids;
  }

  /** The start of one of the organisation's records, or null. */
  private Instant start(long organisationId, long id) {
    return batches
        .first(
            "SELECT start_at FROM call_record WHERE id = ? AND organisation_id = ?",
            ps -> {
              ps.setLong(1, id);
              ps.setLong(2, organisationId);
            },
            row -> row.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC))
        .orElse(null);
  }

  /** From the (organisation, [user,] start) index alone: the period's entries hold their ids. */
  long[] range(long organisationId, UsageFilter filter) {
    return batches
        .first(
            "SELECT MIN(id), MAX(id) FROM call_record FORCE INDEX ("
                + index(filter)
                + ") WHERE organisation_id = ?"
                + (filter.userUpn() == null ? "" : " AND user_upn = ?")
                + " AND start_at >= ? AND start_at < ?",
            ps -> {
              int p = 1;
              ps.setLong(p++, organisationId);
              if (filter.userUpn() != null) {
                ps.setString(p++, filter.userUpn());
              }
              ps.setTimestamp(p++, UtcTimestamps.of(filter.from()));
              ps.setTimestamp(p, UtcTimestamps.of(filter.to()));
            },
            row -> {
              long min = row.getLong(1);
              return row.wasNull() ? null : new long[] {min, row.getLong(2)};
            })
        .orElse(null);
  }
}
