package com.commcredits.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The plain JDBC the reconciliation's stores share, on the application's JTA data source (inside a
 * transaction, the same connection as JPA's): statements with positional arguments and row mappers.
 */
@Dependent
class ReconciliationSql {
  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  <T> T with(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new PersistenceException("Reconciliation query failed: " + e.getMessage(), e);
    }
  }

  /**
   * One pass over the call records grouped by organisation, hour (UTC) and kind, beside the hourly
   * spend rows (V23): the groups whose count or charges differ, a missing row on either side
   * included.
   */
  static final String HOURLY_SPEND_DIFFS =
      "SELECT organisation_id, hour, kind, SUM(calls) AS calls, SUM(charge) AS charge, "
          + "SUM(row_calls) AS row_calls, SUM(row_charge) AS row_charge, MAX(has_row) AS has_row "
          + "FROM (SELECT organisation_id, "
          + "CAST(DATE_FORMAT(start_at, '%Y-%m-%d %H:00:00') AS DATETIME) AS hour, kind, "
          + "COUNT(*) AS calls, SUM(charge) AS charge, 0 AS row_calls, 0 AS row_charge, 0 AS has_row "
          + "FROM call_record GROUP BY organisation_id, "
          + "CAST(DATE_FORMAT(start_at, '%Y-%m-%d %H:00:00') AS DATETIME), kind "
          + "UNION ALL SELECT organisation_id, hour, kind, 0, 0, calls, charge, 1 "
          + "FROM call_spend_hourly) x GROUP BY organisation_id, hour, kind "
          + "HAVING SUM(calls) <> SUM(row_calls) OR SUM(charge) <> SUM(row_charge) "
          + "ORDER BY organisation_id, hour, kind";

  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) {
        ps.setTimestamp(i + 1, UtcTimestamps.of(t));
      } else if (a instanceof LocalDate d) {
        ps.setDate(i + 1, Date.valueOf(d));
      } else if (a == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setObject(i + 1, a);
      }
    }
    return ps;
  }

  int update(String sql, Object... args) {
    return with(
        c -> {
          try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
          }
        });
  }

  <T> List<T> list(String sql, Mapper<T> mapper, Object... args) {
    return with(
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement ps = prepare(c, sql, args);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(mapper.map(rs));
            }
          }
          return out;
        });
  }

  <T> Optional<T> first(String sql, Mapper<T> mapper, Object... args) {
    List<T> rows = list(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
