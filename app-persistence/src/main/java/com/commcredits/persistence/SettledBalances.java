package com.commcredits.persistence;

import com.commcredits.shared.AfterCompletion;
import com.commcredits.wallet.LedgerEntry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The balance a wallet closed a day with, kept in memory once the day ended {@link #SETTLED} ago
 * (issue 15: the balance chart's 90 days cost 90 index seeks on every view of Credits). The ledger
 * is append-only and an entry's recorded time is when its use case ran, so no entry can still
 * arrive before such an instant: the figure is a fact, and another server sharing the database
 * cannot make it stale. Keyed by wallet and the instant the day ended (which names the day in any
 * zone), bounded, least recently read first out. A writer that records an entry at or before an
 * instant this server holds for its wallet (the demo's history, a test's clock moved back) drops
 * the wallet's days here.
 */
@ApplicationScoped
class SettledBalances {
  /** Longer than any transaction that stamps entries runs, and than two servers' clocks differ. */
  static final Duration SETTLED = Duration.ofMinutes(10);

  private static final int MAX_DAYS = 50_000;

  private record Day(long walletId, Instant end) {}

  private final Map<Day, BigDecimal> days =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Day, BigDecimal> eldest) {
          return size() > MAX_DAYS;
        }
      };

  /** Per wallet, the latest day end held: an entry recorded before it makes the wallet's stale. */
  private final Map<Long, Instant> latest = new ConcurrentHashMap<>();

  @Inject Clock clock;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /** Whether the day ending then can no longer change. */
  boolean settled(Instant end) {
    return !end.isAfter(clock.instant().minus(SETTLED));
  }

  synchronized Optional<BigDecimal> get(long walletId, Instant end) {
    return Optional.ofNullable(days.get(new Day(walletId, end)));
  }

  /** Keeps a closing balance read from the ledger, if its day is settled. */
  synchronized void put(long walletId, Instant end, BigDecimal balance) {
    if (settled(end)) {
      days.put(new Day(walletId, end), balance);
      latest.merge(walletId, end, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /**
   * Called with the entries a writer records, in its transaction: drops the wallet's days now and
   * again when the transaction ends, so a read between the two cannot keep what the commit changes.
   */
  void written(List<LedgerEntry> entries) {
    for (LedgerEntry e : entries) {
      Instant held = latest.get(e.walletId());
      if (held != null && e.recordedAt().isBefore(held)) {
        long walletId = e.walletId();
        forget(walletId);
        if (transactions.getTransactionKey() == null) {
          return; // no transaction: already committed
        }
        transactions.registerInterposedSynchronization(
            AfterCompletion.of(status -> forget(walletId)));
        return; // one writer call, one wallet
      }
    }
  }

  private synchronized void forget(long walletId) {
    latest.remove(walletId);
    days.keySet().removeIf(day -> day.walletId() == walletId);
  }
}
