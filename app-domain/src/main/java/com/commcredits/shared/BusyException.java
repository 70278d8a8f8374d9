package com.commcredits.shared;

/**
 * The database stayed busy (deadlocks or lock-wait time-outs) through every retry: nothing was
 * changed and the same request may be sent again shortly (503 with Retry-After, R-FUND-8).
 */
public class BusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Seconds a client should wait before sending the request again. */
  public static final int RETRY_AFTER_SECONDS = 2;

  public BusyException(Throwable cause) {
    super("The service is busy; try again in a moment.", cause);
  }
}
