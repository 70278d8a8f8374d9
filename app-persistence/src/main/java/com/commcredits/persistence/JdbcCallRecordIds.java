package com.commcredits.persistence;

import com.commcredits.rating.UsageFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids of the usage report's pages and export chunks, read from an index before the rows (issue
 * 15): a deep page skips index entries, not rows, and an export walks only the period's id range.
 */
@ApplicationScoped
class JdbcCallRecordIds {
  @Inject JdbcBatches batches;

  /**
   * A page newest first over the (organisation, [user,] start) index (InnoDB appends the id, so the
   * order is the index's).
   */
  List<Long> page(long organisationId, UsageFilter filter, int offset, int limit) {
    List<Long> ids = new ArrayList<>(limit);
    batches.each(
        "SELECT id FROM call_record FORCE INDEX ("
            + (filter.userUpn() == null
                ? "ix_call_record_org_start"
                : "ix_call_record_org_user_start")
            + ") WHERE organisation_id = ?"
            + (filter.userUpn() == null ? "" : " AND user_upn = ?")
            + " AND start_at >= ? AND start_at < ?"
            + (filter.kind() == null ? "" : " AND kind = ?")
            + " ORDER BY start_at DESC, id DESC LIMIT ? OFFSET ?",
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
          ps.setInt(p++, limit);
          ps.setInt(p, offset);
        },
        row -> ids.add(row.getLong(1)));
    return ids;
  }

  /** From the (organisation, [user,] start) index alone: the period's entries hold their ids. */
  long[] range(long organisationId, UsageFilter filter) {
    return batches
        .first(
            "SELECT MIN(id), MAX(id) FROM call_record FORCE INDEX ("
                + (filter.userUpn() == null
                    ? "ix_call_record_org_start"
                    : "ix_call_record_org_user_start")
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
