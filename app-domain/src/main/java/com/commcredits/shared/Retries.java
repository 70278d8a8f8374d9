package com.commcredits.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one use case again, as a whole new transaction, when it failed on a deadlock or a lock-wait
 * time-out (R-FUND-8); after {@link #ATTEMPTS} tries it gives up with a {@link BusyException}.
 * Called only where no transaction is active (resources, servlets, timers, NOT_SUPPORTED beans), so
 * each try is the transactional bean's own transaction.
 */
public final class Retries {
  private static final Logger LOG = Logger.getLogger(Retries.class.getName());

  /** Tries in all, the first included. */
  public static final int ATTEMPTS = 3;

  private Retries() {}

  /** Calls {@code useCase}, again after a transient failure, and returns its result. */
  public static <T> T call(Supplier<T> useCase) {
    for (int attempt = 1; ; attempt++) {
      try {
        return useCase.get();
      } catch (RuntimeException e) {
        if (TransientFailures.isBusy(e)) {
          throw e;
        }
        if (!TransientFailures.isTransient(e)) {
          throw e;
        }
        if (attempt >= ATTEMPTS) {
          LOG.log(Level.WARNING, "Still busy after " + attempt + " tries; giving up", e);
          throw new BusyException(e);
        }
        int tried = attempt;
        LOG.fine(() -> "Transient failure on try " + tried + ", retrying: " + e);
        pause(attempt);
      }
    }
  }

  /** {@link #call} for a use case without a result. */
  public static void run(Runnable useCase) {
    call(
        () -> {
          useCase.run();
          return null;
        });
  }

  /** 20–60 ms after the first failure, 40–120 ms after the second: jittered so rivals part. */
  private static void pause(int attempt) {
    long base = 20L << (attempt - 1);
    try {
      Thread.sleep(base + ThreadLocalRandom.current().nextLong(base * 2 + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException(e);
    }
  }
}
