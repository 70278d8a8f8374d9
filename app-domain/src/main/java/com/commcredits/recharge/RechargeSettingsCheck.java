package com.commcredits.recharge;

import com.commcredits.money.Money;
import com.commcredits.payment.PaymentChoice;
import com.commcredits.recharge.RechargeService.Settings;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletSettings;
import java.util.List;
import java.util.Set;

/**
 * Checks auto-recharge settings against the wallet (R-RECH-1, R-GUARD-4): currencies, amounts
 * within the funding limits, a target above the trigger, a monthly cap of at least one recharge.
 */
final class RechargeSettingsCheck {
  private RechargeSettingsCheck() {}

  static Validator check(
      Caller caller,
      Settings command,
      Wallet wallet,
      WalletSettings limits,
      PaymentChoice payment) {
    Validator v = new Validator();
    String currency = wallet.currency().name();
    v.check(
        command.rechargeCurrency() == null || currency.equals(command.rechargeCurrency()),
        "rechargeAmount.currency",
        "The wallet is in " + currency + ".");
    v.check(
        command.triggerCurrency() == null || currency.equals(command.triggerCurrency()),
        "triggerBelow.currency",
        "The wallet is in " + currency + ".");
    v.check(
        command.mode() == null || Set.of("FIXED", "TARGET").contains(command.mode()),
        "mode",
        "The mode is FIXED or TARGET.");
    for (String[] f :
        List.of(
            new String[] {"targetBalance", command.targetCurrency()},
            new String[] {"monthlyCap", command.monthlyCapCurrency()})) {
      v.check(
          f[1] == null || currency.equals(f[1]),
          f[0] + ".currency",
          "The wallet is in " + currency + ".");
    }
    boolean target = command.modeOrFixed() == AutoRecharge.Mode.TARGET;
    Money amount =
        target && blank(command.rechargeAmount())
            ? Money.of(limits.minimum(), wallet.currency())
            : money(v, "rechargeAmount", command.rechargeAmount(), wallet);
    Money trigger = money(v, "triggerBelow", command.triggerBelow(), wallet);
    // read whatever the mode, so a stray hostile value is refused, never saved or thrown
    Money goal =
        blank(command.targetBalance())
            ? null
            : money(v, "targetBalance", command.targetBalance(), wallet);
    if (target) {
      v.check(
          !blank(command.targetBalance()),
          "targetBalance",
          "Top up to a target needs the target balance.");
      if (goal != null && trigger != null) {
        v.check(
            goal.compareTo(trigger) > 0,
            "targetBalance",
            "The target must be above the trigger, or a top-up would never lift the balance over it.");
      }
    }
    if (!blank(command.monthlyCap())) {
      Money cap = money(v, "monthlyCap", command.monthlyCap(), wallet);
      if (cap != null) {
        v.check(
            cap.amount().compareTo(limits.minimum()) >= 0,
            "monthlyCap",
            "The monthly cap must be at least the smallest recharge, "
                + Money.of(limits.minimum(), wallet.currency()).toPlainString()
                + ".");
      }
    }
    if (amount != null) {
      v.check(
          limits.allows(amount),
          "rechargeAmount",
          "Recharge with " + limits.limits(wallet.currency(), " to ") + ".");
    }
    if (trigger != null) {
      v.check(!trigger.isNegative(), "triggerBelow", "The trigger must be 0 or more.");
    }
    payment.check(v, caller.organisationId(), command.paymentMethodId(), command.purchaseOrder());
    return v;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static Money rechargeAmount(Settings command, Wallet wallet, WalletSettings limits) {
    return command.modeOrFixed() == AutoRecharge.Mode.TARGET && blank(command.rechargeAmount())
        ? Money.of(limits.minimum(), wallet.currency())
        : Money.parse(command.rechargeAmount(), wallet.currency());
  }

  static java.math.BigDecimal optional(String text, Wallet wallet) {
    return blank(text) ? null : Money.parse(text.strip(), wallet.currency()).amount();
  }

  private static Money money(Validator v, String field, String text, Wallet wallet) {
    try {
      return Money.parse(text, wallet.currency());
    } catch (IllegalArgumentException e) {
      v.check(false, field, e.getMessage());
      return null;
    }
  }
}
