package com.commcredits.wallet;

import com.commcredits.shared.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wallets with their lots, ledger, allocations and fundings. Methods that change money are only
 * called with the wallet's row lock held ({@link #lockForOrganisation}, {@link #lock}).
 */
public interface WalletRepository {
  Optional<Wallet> findForOrganisation(long organisationId);

  /** Reads the wallet with a row lock held to the end of the transaction (R-FUND-8). */
  Optional<Wallet> lockForOrganisation(long organisationId);

  Optional<Wallet> lock(long walletId);

  Wallet add(Wallet wallet);

  /** Lots that still hold money, soonest expiry first. */
  List<FundingLot> openLots(long walletId);

  List<FundingLot> lots(long walletId);

  Map<Long, FundingLot> lotsById(long walletId, List<Long> ids);

  /** Lots with money left that expire after {@code from} and no later than {@code to}. */
  List<FundingLot> lotsExpiringBetween(Instant from, Instant to);

  /** Wallets that have a lot with money left whose expiry has come. */
  List<Long> walletsWithLotsDue(Instant at);

  Optional<LedgerEntry> entryByKey(long walletId, String idempotencyKey);

  Optional<LedgerEntry> entry(long walletId, long entryId);

  List<LotAllocation> allocations(long entryId);

  /** Persists what an operation produced: the new lot, the entry, then its allocations. */
  void record(Movement movement);

  /** The entries already written under any of these keys, by key (one query). */
  Map<String, LedgerEntry> entriesByKeys(long walletId, java.util.Collection<String> keys);

  /** The allocations of many entries, by entry (one query). */
  Map<Long, List<LotAllocation>> allocations(java.util.Collection<Long> entryIds);

  /**
   * Writes many new entries of one wallet at once (batched inserts); returns each one's id by its
   * idempotency key. Used for charges, whose lots already exist.
   */
  Map<String, Long> insertEntries(List<LedgerEntry> entries);

  /** Writes many allocation rows at once (batched inserts). */
  void insertAllocations(List<LotAllocation> allocations);

  Page<LedgerEntry> entries(long walletId, Instant from, Instant to, int page, int size);

  /**
   * The balance at the end of each day of the range, in the zone given (days without entries carry
   * over).
   */
  Map<LocalDate, java.math.BigDecimal> closingBalances(
      long walletId, LocalDate from, LocalDate to, ZoneId zone);

  WalletInvariant.Sums sums(long walletId);

  List<Long> allWalletIds();

  Optional<Funding> fundingByKey(long walletId, String idempotencyKey);

  Optional<Funding> findFunding(long fundingId);

  Optional<Funding> lockFunding(long fundingId);

  Funding addFunding(Funding funding);

  /** Card fundings still pending that were requested before the given time. */
  List<Long> pendingFundings(Instant requestedBefore);

  List<Funding> recentFundings(long walletId, int limit);
}
