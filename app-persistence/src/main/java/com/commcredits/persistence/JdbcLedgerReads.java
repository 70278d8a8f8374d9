package com.commcredits.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ledger's reads that must stay cheap at a year of calls (issue 15): keyset and offset pages
 * from an index, a bounded count, and the closing balance of each day (settled days from memory).
 */
@ApplicationScoped
class JdbcLedgerReads {
  @Inject JdbcBatches batches;
  @Inject SettledBalances settled;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  /** Open ends of a period: the whole ledger, read by the (wallet, id) index alone. */
  private static boolean unbounded(Instant from, Instant to) {
    return !from.isAfter(Instant.EPOCH) && !to.isBefore(Instant.parse("9999-01-01T00:00:00Z"));
  }

  /**
   * The ids of a keyset or offset page, newest first, from an index: (wallet, id) for the whole
   * ledger, else whichever the database finds best for the period.
   */
  List<Long> ids(
      long walletId, Instant from, Instant to, Long beforeId, Long afterId, int offset, int limit) {
    boolean all = unbounded(from, to);
    boolean ascending = beforeId == null && afterId != null;
    String sql =
        "SELECT id FROM ledger_entry"
            + (all ? " FORCE INDEX (ix_ledger_entry_wallet_id)" : "")
            + " WHERE wallet_id = ?"
            + (all ? "" : " AND occurred_at >= ? AND occurred_at < ?")
            + (beforeId != null ? " AND id < ?" : afterId != null ? " AND id > ?" : "")
            + " ORDER BY id "
            + (ascending ? "ASC" : "DESC")
            + " LIMIT ? OFFSET ?";
    List<Long> ids = new ArrayList<>(limit);
    batches.each(
        sql,
        ps -> {
          int p = 1;
          ps.setLong(p++, walletId);
          if (!all) {
            ps.setTimestamp(p++, UtcTimestamps.of(from));
            ps.setTimestamp(p++, UtcTimestamps.of(to));
          }
          if (beforeId != null) {
            ps.setLong(p++, beforeId);
          } else if (afterId != null) {
            ps.setLong(p++, afterId);
          }
          ps.setInt(p++, limit);
          ps.setInt(p, offset);
        },
        row -> ids.add(row.getLong(1)));
    if (ascending) {
      Collections.reverse(ids);
    }
    return ids;
  }

  /** The entries of the period, counted up to {@code cap + 1}. */
  long countUpTo(long walletId, Instant from, Instant to, int cap) {
    boolean all = unbounded(from, to);
    return batches
        .first(
            "SELECT COUNT(*) FROM (SELECT 1 FROM ledger_entry"
                + (all ? " FORCE INDEX (ix_ledger_entry_wallet_id)" : "")
                + " WHERE wallet_id = ?"
                + (all ? "" : " AND occurred_at >= ? AND occurred_at < ?")
                + " LIMIT ?) x",
            ps -> {
              int p = 1;
              ps.setLong(p++, walletId);
              if (!all) {
                ps.setTimestamp(p++, UtcTimestamps.of(from));
                ps.setTimestamp(p++, UtcTimestamps.of(to));
              }
              ps.setInt(p, cap + 1);
            },
            row -> row.getLong(1))
        .orElse(0L);
  }

  /**
   * The balance each day closed with (days of the zone, exact across daylight-saving changes): the
   * last entry recorded before the day ends. Days settled long enough ago come from memory ({@link
   * SettledBalances}); the rest are one index seek each on (wallet, recorded, id), all in one
   * statement, so a chart's view reads about one seek (today) where it read ninety; grouping the
   * period's entries by day read all of them (a quarter of a million at a year of calls).
   */
  Map<LocalDate, BigDecimal> closingBalances(
      long walletId, LocalDate from, LocalDate to, ZoneId zone) {
    Map<LocalDate, BigDecimal> series = new LinkedHashMap<>();
    List<LocalDate> days = new ArrayList<>();
    List<Instant> ends = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      Optional<BigDecimal> known = settled.get(walletId, end);
      series.put(day, known.orElse(null)); // the order of the days; the rest filled below
      if (known.isEmpty()) {
        days.add(day);
        ends.add(end);
      }
    }
    if (days.isEmpty()) {
      return series;
    }
    String seek =
        "SELECT (SELECT balance_after FROM ledger_entry WHERE wallet_id = ? AND recorded_at < ? "
            + "ORDER BY recorded_at DESC, id DESC LIMIT 1)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT n, b FROM ("
                    + String.join(
                        " UNION ALL ",
                        Collections.nCopies(
                            days.size(), seek.replace("SELECT (", "SELECT ? AS n, (") + " AS b"))
                    + ") s ORDER BY n")) {
      int p = 1;
      for (int i = 0; i < days.size(); i++) {
        statement.setInt(p++, i);
        statement.setLong(p++, walletId);
        statement.setTimestamp(p++, UtcTimestamps.of(ends.get(i)));
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          int i = rs.getInt(1);
          BigDecimal balance = rs.getBigDecimal(2);
          balance = balance == null ? BigDecimal.ZERO : balance;
          series.put(days.get(i), balance);
          settled.put(walletId, ends.get(i), balance);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Closing balances failed: " + e.getMessage(), e);
    }
    return series;
  }
}
