package com.commcredits.shared;

import jakarta.transaction.Synchronization;
import java.util.function.IntConsumer;

/**
 * Work to do once a transaction has ended (its {@link jakarta.transaction.Status}), and nothing
 * before: start what the commit made possible, or drop what it made stale.
 */
public final class AfterCompletion {
  private AfterCompletion() {}

  /** A synchronization that runs {@code action} with the transaction's final status. */
  public static Synchronization of(IntConsumer action) {
    return new Synchronization() {
      @Override
      public void beforeCompletion() {
        // nothing before the end
      }

      @Override
      public void afterCompletion(int status) {
        action.accept(status);
      }
    };
  }
}
