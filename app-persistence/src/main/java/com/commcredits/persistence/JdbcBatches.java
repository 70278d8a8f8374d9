package com.commcredits.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Batched JDBC writes for the hot path (rating a batch of calls), where inserting row by row
 * through JPA costs a round trip per row. The connection comes from the same JTA data source as the
 * persistence unit's, so inside a transaction it is the same shared connection: the rows commit or
 * roll back with everything else, and the row locks taken through JPA still hold. The driver
 * rewrites a batch into multi-row inserts (rewriteBatchedStatements in server.xml).
 */
@ApplicationScoped
public class JdbcBatches {
  static final int BATCH = 1000;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  /** Binds one row's parameters. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /** Binds a query's parameters. */
  @FunctionalInterface
  public interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface RowReader<K, V> {
    Map.Entry<K, V> read(ResultSet row) throws SQLException;
  }

  /** Inserts the rows in batches of {@value #BATCH}. */
  public <T> void insert(String sql, List<T> rows, Binder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int pending = 0;
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
        if (++pending == BATCH) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("Batched insert failed: " + e.getMessage(), e);
    }
  }

  /** Binds one row's values in column order. */
  @FunctionalInterface
  public interface RowBinder<T> {
    void bind(RowValues values, T row) throws SQLException;
  }

  /**
   * Inserts the rows with multi-row INSERT statements ({@link MultiRowInsert}): {@code into} is
   * {@code INSERT INTO table (columns)}, {@code then} what follows the values (an ON DUPLICATE KEY
   * UPDATE clause, or empty).
   */
  public <T> void insertRows(
      String into, String then, int columns, List<T> rows, RowBinder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      MultiRowInsert.insert(connection, into, then, columns, rows, binder, null);
    } catch (SQLException e) {
      throw new PersistenceException("Batched insert failed: " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #insertRows}, reading back what {@code returning} names of each inserted row in the
   * same round trip (MariaDB's INSERT … RETURNING); empty where the server has no RETURNING
   * (MySQL), for the caller to read them another way.
   */
  public <T, K, V> Optional<Map<K, V>> insertRowsReturning(
      String into,
      int columns,
      List<T> rows,
      RowBinder<T> binder,
      String returning,
      RowReader<K, V> reader) {
    if (!returns()) {
      insertRows(into, "", columns, rows, binder);
      return Optional.empty();
    }
    Map<K, V> result = new HashMap<>();
    if (rows.isEmpty()) {
      return Optional.of(result);
    }
    try (Connection connection = dataSource.getConnection()) {
      MultiRowInsert.insert(
          connection,
          into,
          "RETURNING " + returning,
          columns,
          rows,
          binder,
          rs -> {
            while (rs.next()) {
              Map.Entry<K, V> entry = reader.read(rs);
              result.put(entry.getKey(), entry.getValue());
            }
          });
    } catch (SQLException e) {
      throw new PersistenceException("Batched insert failed: " + e.getMessage(), e);
    }
    return Optional.of(result);
  }

  private volatile Boolean mariaDb;

  /** Whether the server is MariaDB, which has INSERT … RETURNING (10.5 and later). */
  private boolean returns() {
    Boolean known = mariaDb;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        String version = connection.getMetaData().getDatabaseProductVersion();
        known = version != null && version.contains("MariaDB");
      } catch (SQLException e) {
        throw new PersistenceException("Reading the server's version failed: " + e.getMessage(), e);
      }
      mariaDb = known;
    }
    return known;
  }

  /** Runs a query and collects its rows into a map. */
  public <K, V> Map<K, V> query(String sql, Parameters parameters, RowReader<K, V> reader) {
    Map<K, V> result = new HashMap<>();
    each(
        sql,
        parameters,
        rs -> {
          Map.Entry<K, V> entry = reader.read(rs);
          result.put(entry.getKey(), entry.getValue());
        });
    return result;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(ResultSet row) throws SQLException;
  }

  /** Runs a query and hands each row to the consumer, streaming. */
  public void each(String sql, Parameters parameters, RowConsumer consumer) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      parameters.bind(statement);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Query failed: " + e.getMessage(), e);
    }
  }

  /** Maps one row of a result. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs a query and maps its first row, if any. */
  public <T> Optional<T> first(String sql, Parameters parameters, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      parameters.bind(statement);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new PersistenceException("Query failed: " + e.getMessage(), e);
    }
  }

  /** Runs one statement that changes rows; returns how many it changed. */
  public int update(String sql, Parameters parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      parameters.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Update failed: " + e.getMessage(), e);
    }
  }

  /** Inserts one row and returns its generated key. */
  public long insertReturningKey(String sql, Parameters parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
      parameters.bind(statement);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Insert failed: " + e.getMessage(), e);
    }
  }

  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  static <T> List<List<T>> chunks(List<T> rows, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += size) {
      chunks.add(rows.subList(i, Math.min(rows.size(), i + size)));
    }
    return chunks;
  }
}
