package com.commcredits.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * The values of a multi-row INSERT, bound in column order, row after row ({@link
 * JdbcBatches#insertRows}). Instants go as UTC DATETIME(6) text written here, rounded to the
 * microsecond as the driver rounds a Timestamp: the driver's own Timestamp encoding goes through a
 * SimpleDateFormat per value, which was a tenth of rating's CPU (issue 15).
 */
public final class RowValues {
  private final PreparedStatement statement;
  private int index;

  RowValues(PreparedStatement statement) {
    this.statement = statement;
  }

  public RowValues add(long value) throws SQLException {
    statement.setLong(++index, value);
    return this;
  }

  public RowValues add(int value) throws SQLException {
    statement.setInt(++index, value);
    return this;
  }

  public RowValues add(boolean value) throws SQLException {
    statement.setBoolean(++index, value);
    return this;
  }

  /** A string, or NULL. */
  public RowValues add(String value) throws SQLException {
    if (value == null) {
      statement.setNull(++index, Types.VARCHAR);
    } else {
      statement.setString(++index, value);
    }
    return this;
  }

  /** An amount, or NULL. */
  public RowValues add(BigDecimal value) throws SQLException {
    if (value == null) {
      statement.setNull(++index, Types.DECIMAL);
    } else {
      statement.setBigDecimal(++index, value);
    }
    return this;
  }

  /** An id, or NULL. */
  public RowValues add(Long value) throws SQLException {
    if (value == null) {
      statement.setNull(++index, Types.BIGINT);
    } else {
      statement.setLong(++index, value);
    }
    return this;
  }

  /** An instant as a UTC DATETIME(6), or NULL. */
  public RowValues add(Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(++index, Types.TIMESTAMP);
    } else {
      statement.setString(++index, UtcTimestamps.text(value));
    }
    return this;
  }

  /** How many values are bound so far. */
  int count() {
    return index;
  }
}
