package com.commcredits.wallet;

import com.commcredits.shared.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only ledger: entries and the allocations saying which lot paid which entry. Writes
 * happen only with the wallet's row lock held.
 */
public interface LedgerRepository {
  Optional<LedgerEntry> entryByKey(long walletId, String idempotencyKey);

  Optional<LedgerEntry> entry(long walletId, long entryId);

  List<LotAllocation> allocations(long entryId);

  /** The entry that reverses the given one, if any (at most one: a UNIQUE constraint). */
  Optional<LedgerEntry> reversalOf(long walletId, long entryId);

  /** Persists what an operation produced: the new lot, the entry, then its allocations. */
  void record(Movement movement);

  /** The entries already written under any of these keys, by key (one query). */
  Map<String, LedgerEntry> entriesByKeys(long walletId, Collection<String> keys);

  /** The allocations of many entries, by entry (one query). */
  Map<Long, List<LotAllocation>> allocations(Collection<Long> entryIds);

  /**
   * Writes many new entries of one wallet at once (batched inserts); returns each one's id by its
   * idempotency key. Used for charges, whose lots already exist.
   */
  Map<String, Long> insertEntries(List<LedgerEntry> entries);

  /** Writes many allocation rows at once (batched inserts). */
  void insertAllocations(List<LotAllocation> allocations);

  Page<LedgerEntry> entries(long walletId, Instant from, Instant to, int page, int size);

  /**
   * Up to {@code limit} entries of the period by keyset, newest first: those just older than {@code
   * beforeId}, or (with {@code afterId}) those just newer than it, or the newest. Either id may be
   * null.
   */
  List<LedgerEntry> entriesAround(
      long walletId, Instant from, Instant to, Long beforeId, Long afterId, int limit);

  /**
   * Entries of the period newest first from an offset, reading the skipped ones from the index only
   * (the API's {@code page}; a cursor is cheaper still).
   */
  List<LedgerEntry> entriesAt(long walletId, Instant from, Instant to, int offset, int limit);

  /** Whether the period has an entry older than {@code beforeId} or newer than {@code afterId}. */
  boolean anyBeyond(long walletId, Instant from, Instant to, Long beforeId, Long afterId);

  /** The entries of the period, counted up to {@code cap + 1} (so "more than cap" is known). */
  long countUpTo(long walletId, Instant from, Instant to, int cap);

  /**
   * The balance at the end of each day of the range, in the zone given (days without entries carry
   * over).
   */
  Map<LocalDate, BigDecimal> closingBalances(
      long walletId, LocalDate from, LocalDate to, ZoneId zone);

  /**
   * What the wallet's charges took between two instants (by when they occurred), as a positive sum;
   * fundings, adjustments, expiries and reversals are left out (R-SEE-1). One SUM over an index
   * that covers it; the one place to swap for daily aggregates.
   */
  BigDecimal chargedBetween(long walletId, Instant from, Instant to);
}
