package com.commcredits.web.pages;

import com.commcredits.money.Money;
import com.commcredits.recharge.AutoRecharge;
import com.commcredits.recharge.RechargeService;
import com.commcredits.wallet.Wallet;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;

/** The auto-recharge form of the Communications Credits page: what was posted, what is saved. */
final class RechargeForm {
  private RechargeForm() {}

  /** The settings as the form posted them, amounts still text (the service parses them). */
  static RechargeService.Settings from(HttpServletRequest request) {
    return new RechargeService.Settings(
        request.getParameter("enabled") != null,
        request.getParameter("rechargeAmount"),
        null,
        request.getParameter("triggerBelow"),
        null,
        FundingPageServlet.methodId(request),
        request.getParameter("rechargePurchaseOrder"),
        request.getParameter("mode"),
        request.getParameter("targetBalance"),
        null,
        request.getParameter("monthlyCap"),
        null);
  }

  /** The form filled with the saved settings, or the suggested ones when none are saved. */
  static RechargeService.Settings of(AutoRecharge settings, Wallet wallet) {
    if (settings == null) {
      return new RechargeService.Settings(false, "100.00", "50.00", null, "");
    }
    return new RechargeService.Settings(
        settings.enabled(),
        Money.of(settings.rechargeAmount(), wallet.currency()).toPlainString(),
        null,
        Money.of(settings.triggerBelow(), wallet.currency()).toPlainString(),
        null,
        settings.paymentMethodId(),
        settings.purchaseOrder() == null ? "" : settings.purchaseOrder(),
        settings.mode().name(),
        plain(settings.targetBalance(), wallet),
        null,
        plain(settings.monthlyCap(), wallet),
        null);
  }

  private static String plain(BigDecimal amount, Wallet wallet) {
    return amount == null ? "" : Money.of(amount, wallet.currency()).toPlainString();
  }
}
