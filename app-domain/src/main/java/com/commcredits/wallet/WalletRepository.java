package com.commcredits.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wallets: finding and locking the wallet row, which every money-moving transaction holds (after
 * its organisation's row, see {@link WalletLocks}) before it touches lots, ledger or fundings.
 */
public interface WalletRepository {
  Optional<Wallet> findForOrganisation(long organisationId);

  /** The organisation a wallet belongs to, by a plain read (no lock), to lock in order. */
  Optional<Long> organisationOf(long walletId);

  /**
   * The balance as it stands at {@code at} (R-FUND-10): the stored balance less what remains of
   * lots whose expiry instant has come but whose expiry is not written yet; one statement, no lock.
   */
  BigDecimal spendableBalance(long walletId, Instant at);

  /**
   * Reads the wallet with a row lock held to the end of the transaction (R-FUND-8). Callers go
   * through {@link WalletLocks}, which locks the organisation's row first.
   */
  Optional<Wallet> lockForOrganisation(long organisationId);

  Optional<Wallet> lock(long walletId);

  Wallet add(Wallet wallet);

  WalletInvariant.Sums sums(long walletId);

  List<Long> allWalletIds();
}
