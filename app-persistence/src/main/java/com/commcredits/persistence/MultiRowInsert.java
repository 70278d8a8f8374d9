package com.commcredits.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Multi-row INSERT statements written here, each value bound and encoded once (issue 15): the
 * driver's rewriting of a batch encodes every value twice (once to size the statements), copies the
 * bindings, and formatted each Timestamp through a SimpleDateFormat; on rating's hot path that was
 * most of the server's CPU. Rows go {@value #ROWS} to a statement: the statement of a full chunk is
 * prepared once for all the full chunks and kept in the statement cache (the driver parses a
 * statement's text on every prepare, so one of 1,000 rows cost more than its execution); the
 * remainder's statement is not cached, so odd sizes do not fill the cache with large statements.
 */
final class MultiRowInsert {
  /** Rows per statement. */
  static final int ROWS = 250;

  private MultiRowInsert() {}

  /** Reads what a statement's RETURNING clause answers. */
  @FunctionalInterface
  interface Returned {
    void read(ResultSet rows) throws SQLException;
  }

  /**
   * Inserts the rows; with {@code returned}, {@code then} is a RETURNING clause whose rows it
   * reads.
   */
  static <T> void insert(
      Connection connection,
      String into,
      String then,
      int columns,
      List<T> rows,
      JdbcBatches.RowBinder<T> binder,
      Returned returned)
      throws SQLException {
    int full = rows.size() / ROWS * ROWS;
    if (full > 0) {
      try (PreparedStatement statement =
          connection.prepareStatement(sql(into, then, columns, ROWS))) {
        for (int from = 0; from < full; from += ROWS) {
          execute(statement, columns, rows.subList(from, from + ROWS), binder, returned);
        }
      }
    }
    if (full < rows.size()) {
      try (PreparedStatement statement =
          connection.prepareStatement(sql(into, then, columns, rows.size() - full))) {
        statement.setPoolable(false);
        execute(statement, columns, rows.subList(full, rows.size()), binder, returned);
      }
    }
  }

  private static <T> void execute(
      PreparedStatement statement,
      int columns,
      List<T> chunk,
      JdbcBatches.RowBinder<T> binder,
      Returned returned)
      throws SQLException {
    RowValues values = new RowValues(statement);
    for (T row : chunk) {
      binder.bind(values, row);
    }
    if (values.count() != columns * chunk.size()) {
      throw new IllegalStateException(
          values.count() + " values bound for " + chunk.size() + " rows of " + columns);
    }
    if (returned == null) {
      statement.executeUpdate();
    } else {
      statement.execute();
      try (ResultSet rs = statement.getResultSet()) {
        returned.read(rs);
      }
    }
  }

  static String sql(String into, String then, int columns, int rows) {
    String row = "(" + JdbcBatches.placeholders(columns) + ")";
    StringBuilder sql =
        new StringBuilder(into.length() + then.length() + rows * (row.length() + 1) + 9)
            .append(into)
            .append(" VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",").append(row);
    }
    return sql.append(then.isEmpty() ? "" : " ").append(then).toString();
  }
}
