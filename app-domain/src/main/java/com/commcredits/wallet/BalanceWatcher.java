package com.commcredits.wallet;

import com.commcredits.money.Money;

/**
 * Told, inside the debit's transaction (organisation and wallet locked), that a debit lowered a
 * wallet's balance from {@code before}; auto-recharge watches this way so the wallet need not know
 * about it.
 */
public interface BalanceWatcher {
  void afterDebit(Wallet wallet, Money before);
}
