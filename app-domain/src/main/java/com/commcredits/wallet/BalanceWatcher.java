package com.commcredits.wallet;

/**
 * Told, inside the debit's transaction, that a debit lowered a wallet's balance; auto-recharge
 * watches this way so the wallet need not know about it.
 */
public interface BalanceWatcher {
  void afterDebit(Wallet wallet);
}
