package com.commcredits.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** R-FUND-8: deadlocks and lock-wait time-outs are retried a bounded number of times. */
class RetriesTest {
  private static RuntimeException wrapped(SQLException cause) {
    // as the EJB container and EclipseLink hand it over: several layers deep
    return new IllegalStateException(
        "EJBTransactionRolledbackException", new RuntimeException("DatabaseException", cause));
  }

  private static final RuntimeException DEADLOCK =
      wrapped(
          new SQLTransactionRollbackException(
              "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
  private static final RuntimeException LOCK_WAIT =
      wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205));

  @Test
  void R_FUND_8_deadlocks_and_lock_wait_timeouts_are_transient_and_other_errors_are_not() {
    assertTrue(TransientFailures.isTransient(DEADLOCK));
    assertTrue(TransientFailures.isTransient(LOCK_WAIT));
    assertFalse(
        TransientFailures.isTransient(wrapped(new SQLException("Duplicate entry", "23000", 1062))));
    assertFalse(
        TransientFailures.isTransient(ValidationException.of("amount", "Enter an amount.")));
  }

  @Test
  void R_FUND_8_a_transient_failure_is_retried_and_the_second_try_answers() {
    AtomicInteger tries = new AtomicInteger();
    String answer =
        Retries.call(
            () -> {
              if (tries.incrementAndGet() == 1) {
                throw DEADLOCK;
              }
              return "rated";
            });
    assertEquals("rated", answer);
    assertEquals(2, tries.get());
  }

  @Test
  void R_FUND_8_after_three_busy_tries_it_gives_up_busy_and_other_errors_pass_at_once() {
    AtomicInteger tries = new AtomicInteger();
    BusyException busy =
        assertThrows(
            BusyException.class,
            () ->
                Retries.run(
                    () -> {
                      tries.incrementAndGet();
                      throw LOCK_WAIT;
                    }));
    assertEquals(Retries.ATTEMPTS, tries.get());
    assertTrue(TransientFailures.isBusy(new RuntimeException(busy)));

    AtomicInteger once = new AtomicInteger();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Retries.run(
                () -> {
                  once.incrementAndGet();
                  throw new IllegalArgumentException("a bug, not a lock");
                }));
    assertEquals(1, once.get());
  }
}
