package com.commcredits.web.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: while the database is away, API calls answer 503 problems, not 500 (ProblemMappers maps
 * what this recognises to 503).
 */
class DatabaseUnreachableTest {

  @Test
  void a_lost_connection_however_wrapped_is_told_apart_from_other_failures() {
    Exception lost =
        new EJBException(
            new PersistenceException(
                "EclipseLink-4002", new SQLException("Communications link failure", "08S01")));
    assertTrue(ProblemMappers.databaseUnreachable(lost));
    assertTrue(
        ProblemMappers.databaseUnreachable(
            new SQLTransientConnectionException("pool wait timed out")));
    assertTrue(
        ProblemMappers.databaseUnreachable(
            new PersistenceException(
                "Batched insert failed",
                new SQLException("No operations allowed after statement closed.", "S1009"))));
    assertFalse(
        ProblemMappers.databaseUnreachable(
            new PersistenceException(new SQLException("bad", "42000"))));
  }
}
