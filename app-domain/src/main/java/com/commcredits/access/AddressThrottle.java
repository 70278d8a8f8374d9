package com.commcredits.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per client address in a sliding window: an address that fails {@value
 * #MAX_FAILURES} times in {@link #WINDOW} is refused until its oldest failure leaves the window,
 * whichever accounts it tries. The per-account lockout stops guessing one password; this stops
 * trying one password on many accounts. Counted on each server, in bounded memory.
 */
@ApplicationScoped
public class AddressThrottle {
  static final int MAX_FAILURES = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_ADDRESSES = 10_000;

  private final Map<String, Deque<Instant>> failures =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
          return size() > MAX_ADDRESSES;
        }
      };

  /** Whether sign-ins from this address are refused now. */
  public synchronized boolean isThrottled(String address, Instant now) {
    Deque<Instant> recent = failures.get(key(address));
    if (recent == null) {
      return false;
    }
    forgetOld(recent, now);
    return recent.size() >= MAX_FAILURES;
  }

  public synchronized void failed(String address, Instant now) {
    Deque<Instant> recent = failures.computeIfAbsent(key(address), a -> new ArrayDeque<>());
    forgetOld(recent, now);
    if (recent.size() < MAX_FAILURES) {
      recent.addLast(now);
    }
  }

  private static void forgetOld(Deque<Instant> recent, Instant now) {
    Instant since = now.minus(WINDOW);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
      recent.removeFirst();
    }
  }

  private static String key(String address) {
    return address == null || address.isBlank() ? "unknown" : address;
  }
}
