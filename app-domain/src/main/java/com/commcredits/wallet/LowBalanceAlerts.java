package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.AmountFormatException;
import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Low-balance alerts (R-GUARD-4): up to three thresholds; a debit that takes the balance from at or
 * above one to below it sends one email per threshold crossed. Going back above re-arms it, as only
 * a debit from above can cross. Independent of auto-recharge and of the zero-balance email.
 */
@Stateless
public class LowBalanceAlerts {
  public static final int MAX_THRESHOLDS = 3;

  @Inject LowBalanceAlertRepository alerts;
  @Inject WalletQueries wallets;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The thresholds, highest first. */
  public List<Money> thresholds(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    Wallet wallet = wallets.get(caller);
    return alerts.thresholds(wallet.id()).stream()
        .map(t -> Money.of(t, wallet.currency()))
        .toList();
  }

  /**
   * Replaces the thresholds: at most three, each more than 0 in the wallet's currency, no two
   * alike. Each entry is {amount, currency (null: the wallet's)}. Audited.
   */
  public List<Money> save(Caller caller, List<String[]> amounts) {
    caller.require(Permission.MANAGE_BILLING);
    Wallet wallet = wallets.get(caller);
    Validator v = new Validator();
    v.check(
        amounts.size() <= MAX_THRESHOLDS,
        "lowBalance",
        "At most " + MAX_THRESHOLDS + " thresholds.");
    List<BigDecimal> read = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      String field = "lowBalance[" + i + "]";
      String[] a = amounts.get(i);
      if (a[1] != null && !wallet.currency().name().equals(a[1])) {
        v.check(false, field + ".currency", "The wallet is in " + wallet.currency() + ".");
        continue;
      }
      try {
        Money m = Money.parse(a[0] == null ? "" : a[0].strip(), wallet.currency());
        v.check(m.isPositive(), field, "A threshold must be more than 0.");
        v.check(
            read.stream().noneMatch(t -> t.compareTo(m.amount()) == 0),
            field,
            "The same threshold appears twice.");
        read.add(m.amount());
      } catch (AmountFormatException e) {
        v.check(false, field, e.getMessage());
      }
    }
    v.throwIfInvalid();
    read.sort(Comparator.reverseOrder());
    List<BigDecimal> before = alerts.thresholds(wallet.id());
    alerts.replace(wallet.id(), read, clock.instant());
    audit.record(
        caller,
        AuditAction.LOW_BALANCE_ALERTS_CHANGED,
        "wallet",
        wallet.id(),
        "Low-balance alerts: " + describe(read),
        describe(before),
        describe(read));
    return read.stream().map(t -> Money.of(t, wallet.currency())).toList();
  }

  private static String describe(List<BigDecimal> thresholds) {
    return thresholds.isEmpty()
        ? "none"
        : String.join(
            ", ", thresholds.stream().map(t -> t.stripTrailingZeros().toPlainString()).toList());
  }
}
