package com.commcredits.access;

import com.commcredits.shared.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Platform keys this server has just authenticated, so the telephony platform's requests (hundreds
 * a second on one key) do not each cost a database transaction; admin keys are always read afresh.
 * An entry lives {@value #TTL_SECONDS} seconds: a key revoked here is forgotten at once; one
 * revoked on another server stops working here within that time.
 */
@ApplicationScoped
public class RecentApiKeys {
  static final long TTL_SECONDS = 10;
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(long keyId, Caller caller, long expiresAt) {}

  private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();

  /**
   * The caller of a platform key this server authenticated within the last {@value #TTL_SECONDS}
   * seconds, without a transaction: the API's filter asks here before {@link
   * ApiKeyService#authenticate}, whose bean call and transaction were a tenth of an authorisation's
   * CPU.
   */
  public Optional<Caller> recall(String plainKey) {
    return plainKey == null || plainKey.isBlank() || plainKey.length() > 200
        ? Optional.empty()
        : find(ApiKey.hash(plainKey));
  }

  Optional<Caller> find(String hash) {
    Entry entry = byHash.get(hash);
    if (entry == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - entry.expiresAt() > 0) {
      byHash.remove(hash, entry);
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  void remember(String hash, long keyId, Caller caller) {
    if (byHash.size() >= MAX_ENTRIES) {
      byHash.clear();
    }
    byHash.put(
        hash, new Entry(keyId, caller, System.nanoTime() + TimeUnit.SECONDS.toNanos(TTL_SECONDS)));
  }

  void forget(long keyId) {
    byHash.values().removeIf(e -> e.keyId() == keyId);
  }
}
