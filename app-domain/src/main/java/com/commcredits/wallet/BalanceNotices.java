package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** R-NOTIFY-1: the email when a debit takes the balance to zero or below, once per crossing. */
@Dependent
class BalanceNotices {
  @Inject Notifier notifier;

  void afterDebit(Wallet wallet, Money before, LedgerEntry entry) {
    if (before.isPositive() && wallet.balance().isZeroOrLess()) {
      notifier.notify(
          wallet.organisationId(),
          NotificationEvent.BALANCE_AT_OR_BELOW_ZERO,
          "entry:" + entry.id(),
          "Your Communications Credits balance is " + wallet.balance(),
          "The Communications Credits balance reached "
              + wallet.balance()
              + " after: "
              + entry.description()
              + ".\nCalls beyond your minute pools, toll-free inbound calls and conference dial-out are refused "
              + "until funds are added.");
    }
  }
}
