package com.commcredits.shared;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises the failures that go away when the whole transaction runs again: a deadlock (SQLState
 * 40001, MariaDB error 1213) or a lock-wait time-out (error 1205), however deeply the EJB container
 * and the JPA provider wrapped them (R-FUND-8).
 */
public final class TransientFailures {
  private static final int DEADLOCK = 1213;
  private static final int LOCK_WAIT_TIMEOUT = 1205;

  private TransientFailures() {}

  /** True when a deadlock or a lock-wait time-out is anywhere in the chain of causes. */
  public static boolean isTransient(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLException sql && isTransient(sql)) {
        return true;
      }
      String type = t.getClass().getSimpleName();
      if (type.equals("LockTimeoutException") || type.equals("PessimisticLockException")) {
        return true;
      }
      String message = t.getMessage();
      if (message != null
          && (message.contains("Deadlock found when trying to get lock")
              || message.contains("Lock wait timeout exceeded"))) {
        return true;
      }
    }
    return false;
  }

  /** True when the chain holds a {@link BusyException}: retries were already spent further in. */
  public static boolean isBusy(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof BusyException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransient(SQLException first) {
    for (SQLException e = first; e != null; e = e.getNextException()) {
      if ("40001".equals(e.getSQLState())
          || e.getErrorCode() == DEADLOCK
          || e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
        return true;
      }
      if (e.getNextException() == e) {
        break;
      }
    }
    return false;
  }
}
