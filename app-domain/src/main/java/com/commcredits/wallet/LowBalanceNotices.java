package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * R-GUARD-4: the low-balance emails, in the debit's transaction. A debit that takes the balance
 * from at or above a threshold to below it sends one; only a debit from above can cross, so going
 * back above re-arms it.
 */
@Dependent
class LowBalanceNotices {
  @Inject LowBalanceAlertRepository alerts;
  @Inject Notifier notifier;

  /** In the debit's transaction, with the wallet locked: one email per threshold crossed. */
  void afterDebit(Wallet wallet, Money before, LedgerEntry entry) {
    Money after = wallet.balance();
    if (after.compareTo(before) >= 0) {
      return;
    }
    for (BigDecimal threshold : alerts.thresholds(wallet.id())) {
      Money t = Money.of(threshold, wallet.currency());
      if (before.compareTo(t) >= 0 && after.compareTo(t) < 0) {
        notifier.notify(
            wallet.organisationId(),
            NotificationEvent.LOW_BALANCE,
            t.toPlainString() + ":entry:" + entry.id(),
            "Your Communications Credits balance fell below " + t.toDisplayString(),
            "The Communications Credits balance is "
                + after.toDisplayString()
                + " "
                + wallet.currency()
                + ", below your alert threshold of "
                + t.toDisplayString()
                + ", after: "
                + entry.description()
                + ".");
      }
    }
  }
}
