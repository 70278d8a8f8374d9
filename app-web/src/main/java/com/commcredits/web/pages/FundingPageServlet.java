package com.commcredits.web.pages;

import com.commcredits.money.Money;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Funding;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.WalletSettings;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** The pages that add funds (checkout, Add more funds) answer a funding's outcome the same way. */
abstract class FundingPageServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject WalletSettings limits;

  /**
   * The model of a page with the funds fields: the configured limits appear in the amount's hint.
   */
  @Override
  protected Map<String, Object> model(HttpServletRequest request) {
    Map<String, Object> model = super.model(request);
    model.put("fundingMin", String.format(Locale.ENGLISH, "%,.2f", limits.minimum()));
    model.put("fundingMax", String.format(Locale.ENGLISH, "%,.2f", limits.maximum()));
    return model;
  }

  /** Re-shows the page's form with the model. */
  @FunctionalInterface
  interface Form {
    void show() throws IOException;
  }

  /**
   * A success or a pending payment redirects to the wallet with a message; a refused payment stays
   * on the form with the reason beside the payment method and a fresh key, so the admin can try
   * another card.
   */
  protected void answer(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      AddFunds command,
      FundingOutcome outcome,
      Form form)
      throws IOException {
    Funding f = outcome.funding();
    String amount = Money.of(f.amount(), f.currency()).toString();
    if (outcome.status() == FundingStatus.SUCCEEDED) {
      redirect(
          request,
          response,
          "/billing/credits",
          views().message(outcome.repeated() ? "credits.repeated" : "credits.added", amount));
    } else if (outcome.status() == FundingStatus.PENDING) {
      redirect(request, response, "/billing/credits", views().message("credits.pending", amount));
    } else {
      rejected(
          response,
          model,
          ValidationException.of(
              "paymentMethodId", views().message("credits.refused", f.failureReason())));
      model.put("fundsForm", command.withNewKey());
      form.show();
    }
  }

  static Long methodId(HttpServletRequest request) {
    try {
      String value = request.getParameter("paymentMethodId");
      return value == null || value.isBlank() ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return -1L;
    }
  }
}
