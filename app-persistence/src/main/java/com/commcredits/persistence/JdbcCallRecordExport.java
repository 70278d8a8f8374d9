package com.commcredits.persistence;

import com.commcredits.rating.CallRecord;
import com.commcredits.rating.UsageFilter;
import com.commcredits.wallet.ChargeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of an export chunk and their funding by plain JDBC (issue 15): unmanaged records, so an
 * export of a year keeps nothing between chunks whatever persistence context it runs in (through
 * JPA, outside a transaction, a year ran out of heap at 714,000 rows), and one query per chunk.
 */
@ApplicationScoped
class JdbcCallRecordExport {
  private static final String COLUMNS =
      "id, organisation_id, call_id, kind, user_upn, user_name, user_location, toll_free_number,"
          + " from_number, to_number, destination_country, domestic, start_at, end_at,"
          + " duration_seconds, pool_kind, pool_minutes, wallet_seconds, rate_prefix,"
          + " connection_fee, charge, currency, ledger_entry_id, rated_at";

  @Inject JdbcBatches batches;

  /**
   * The filter's records after {@code afterId} up to {@code upToId} in id order over the primary
   * key, at most {@code limit}: a chunk reads each row once and never sorts the period.
   */
  List<CallRecord> after(
      long organisationId, UsageFilter filter, long afterId, long upToId, int limit) {
    List<CallRecord> rows = new ArrayList<>(limit);
    batches.each(
        "SELECT "
            + COLUMNS
            + " FROM call_record FORCE INDEX (PRIMARY) WHERE id > ? AND id <= ?"
            + " AND organisation_id = ? AND start_at >= ? AND start_at < ?"
            + (filter.userUpn() == null ? "" : " AND user_upn = ?")
            + (filter.kind() == null ? "" : " AND kind = ?")
            + " ORDER BY id LIMIT ?",
        ps -> {
          int p = 1;
          ps.setLong(p++, afterId);
          ps.setLong(p++, upToId);
          ps.setLong(p++, organisationId);
          ps.setTimestamp(p++, UtcTimestamps.of(filter.from()));
          ps.setTimestamp(p++, UtcTimestamps.of(filter.to()));
          if (filter.userUpn() != null) {
            ps.setString(p++, filter.userUpn());
          }
          if (filter.kind() != null) {
            ps.setString(p++, filter.kind().name());
          }
          ps.setInt(p, limit);
        },
        rs -> rows.add(CallRecord.read(name -> column(rs, name))));
    return rows;
  }

  private static Object column(ResultSet rs, String name) {
    try {
      Object value = rs.getObject(name);
      if (value instanceof Timestamp t) {
        return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
      }
      if (value instanceof java.time.LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
      }
      return value;
    } catch (SQLException e) {
      throw new IllegalStateException("Column " + name + ": " + e.getMessage(), e);
    }
  }

  /** For each ledger entry, which lots paid how much, in allocation order (null: uncovered). */
  Map<Long, List<ChargeResult.LotPayment>> funding(Collection<Long> entryIds) {
    Map<Long, List<ChargeResult.LotPayment>> result = new HashMap<>();
    for (List<Long> chunk : JdbcBatches.chunks(new ArrayList<>(entryIds), JdbcBatches.BATCH)) {
      batches.each(
          "SELECT entry_id, lot_id, amount FROM lot_allocation WHERE entry_id IN ("
              + JdbcBatches.placeholders(chunk.size())
              + ") ORDER BY id",
          ps -> {
            for (int i = 0; i < chunk.size(); i++) {
              ps.setLong(i + 1, chunk.get(i));
            }
          },
          rs -> {
            long lot = rs.getLong(2);
            Long lotId = rs.wasNull() ? null : lot;
            BigDecimal amount = rs.getBigDecimal(3);
            result
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new ChargeResult.LotPayment(lotId, amount));
          });
    }
    return result;
  }
}
