package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
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
   * The wallets with ids from {@code from} to {@code to}, their rows locked in share mode until the
   * transaction ends (no money moves on them meanwhile), with their lot remainders and last entry.
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

  /** Marks the checkpoints of wallets an incremental run found unchanged as checked by the run. */
  void touchCheckpoints(long runId, Instant checkedAt, Collection<Long> walletIds);

  Optional<WalletCheck> lastCheckOfOrganisation(long organisationId);
}
