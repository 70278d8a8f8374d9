package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The reads of the per-wallet check (a wallet's row, ledger and lots) and its checkpoints, which
 * let an incremental run read only the ledger entries written since a wallet was last checked.
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
  record LedgerDelta(BigDecimal sum, long entries, long lastEntryId) {}

  /** One lot with the sum of its allocations (restorations are negative allocations). */
  record LotFacts(long lotId, BigDecimal amount, BigDecimal remaining, BigDecimal allocated) {}

  /** The smallest and largest wallet id; {0, -1} without wallets. */
  long[] walletIdRange();

  List<Long> walletIds(long from, long to, long after, int limit);

  WalletFacts lockedFacts(long walletId);

  LedgerDelta ledgerAfter(long walletId, long afterEntryId, long upToEntryId);

  List<LotFacts> lots(long walletId);

  Optional<WalletCheck> checkpoint(long walletId);

  void saveCheckpoint(WalletCheck check);

  Optional<WalletCheck> lastCheckOfOrganisation(long organisationId);
}
