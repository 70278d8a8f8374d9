package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of the per-wallet check and its checkpoints, set-based over a range of wallet ids (a
 * few statements per range, not per wallet), which let an incremental run read only the ledger
 * entries written since a wallet was last checked.
 */
public interface WalletCheckRepository {

  /** A wallet's row and lot sums, read under a shared lock on the wallet (a consistent view). */
  record WalletFacts(
      long walletId,
      long organisationId,
      BigDecimal balance,
      BigDecimal lotRemainders,
      long lastEntryId) {}

  /** The ledger entries of a wallet in an id range: their sum, count and last id. */
  record LedgerDelta(BigDecimal sum, long entries, long lastEntryId) {
    public static final LedgerDelta NONE = new LedgerDelta(BigDecimal.ZERO, 0, 0);
  }

  /** One lot with the sum of its allocations (restorations are negative allocations). */
  record LotFacts(long lotId, BigDecimal amount, BigDecimal remaining, BigDecimal allocated) {}

  /** The smallest and largest wallet id; {0, -1} without wallets. */
  long[] walletIdRange();

  List<Long> walletIds(long from, long to, long after, int limit);

  /**
   * The wallets with ids from {@code from} to {@code to} with their lot remainders and last entry,
   * read without locks (an incremental run's first look: a wallet whose sums all equal its
   * checkpoint has not moved; one that moved is read again under its lock).
   */
  Map<Long, WalletFacts> facts(long from, long to);

  /**
   * Locks the rows of the wallets given in share mode, in id order, until the transaction ends (no
   * money moves on them meanwhile), then reads them as {@link #facts(long, long)} does.
   */
  Map<Long, WalletFacts> lockedFacts(Collection<Long> walletIds);

  /**
   * As {@link #lockedFacts(Collection)}, for every wallet with an id from {@code from} to {@code
   * to}.
   */
  Map<Long, WalletFacts> lockedFacts(long from, long to);

  /** The checkpoints of the wallets with ids from {@code from} to {@code to}. */
  Map<Long, WalletCheck> checkpoints(long from, long to);

  /** The whole ledger of each wallet with an id from {@code from} to {@code to}. */
  Map<Long, LedgerDelta> ledger(long from, long to);

  /** For each wallet given, its ledger entries after the entry id it maps to. */
  Map<Long, LedgerDelta> ledgerAfter(Map<Long, Long> afterEntryByWallet);

  /** The lots of the wallets given, with their allocation sums, by wallet. */
  Map<Long, List<LotFacts>> lots(Collection<Long> walletIds);

  /** Inserts or replaces the checkpoints given. */
  void saveCheckpoints(List<WalletCheck> checks);

  /**
   * The organisation's wallet's checkpoint, checked at the start of the last completed run if that
   * is later: every completed run checks every wallet, and one it found unchanged keeps its
   * checkpoint as it was (no write per unchanged wallet).
   */
  Optional<WalletCheck> lastCheckOfOrganisation(long organisationId);
}
