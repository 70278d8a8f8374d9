package com.commcredits.web.pages;

import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.recharge.CreditsCheckout;
import com.commcredits.recharge.RechargeService;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.WalletQueries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Billing > Subscriptions > Add-ons > Communications Credits > Buy now: the first funds and the
 * payment method, then Place order, which opens the wallet (R-SUB-1, R-FUND-2).
 */
@WebServlet("/billing/credits/buy")
public class BuyCreditsServlet extends FundingPageServlet {
  private static final long serialVersionUID = 1L;

  @Inject WalletQueries wallets;
  @Inject CreditsCheckout checkout;
  @Inject PaymentMethodService methods;
  @Inject OrganisationService organisations;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (wallets.find(caller(request)).isPresent()) {
      response.sendRedirect(request.getContextPath() + "/billing/credits");
      return;
    }
    Map<String, Object> model = model(request);
    model.put("fundsForm", AddFunds.blankForm());
    show(request, response, model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    AddFunds command =
        new AddFunds(
            request.getParameter("amount"),
            null,
            methodId(request),
            request.getParameter("purchaseOrder"),
            request.getParameter("idempotencyKey"));
    try {
      var settings =
          new RechargeService.Settings(
              true,
              request.getParameter("rechargeAmount"),
              request.getParameter("triggerBelow"),
              command.paymentMethodId(),
              command.purchaseOrder());
      boolean autoRecharge = request.getParameter("autoRecharge") != null;
      var outcome = checkout.placeOrder(caller(request), command, autoRecharge ? settings : null);
      answer(request, response, model, command, outcome, () -> show(request, response, model));
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("fundsForm", command);
      show(request, response, model);
    } catch (ConflictException e) {
      // this form's key already placed an order with other values (back, edit, resubmit): nothing
      // more was paid
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.put("errors", Map.of("form", views().message("credits.resubmitted")));
      model.put("fundsForm", command.withNewKey());
      show(request, response, model);
    }
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    model.put("methods", methods.list(caller(request)));
    model.put("gateway", methods.gatewayName());
    model.put("sandbox", methods.gatewayIsSandbox());
    model.put("currency", organisations.current(caller(request)).currency().name());
    model.putIfAbsent(
        "rechargeAmount",
        request.getParameter("rechargeAmount") == null
            ? "100.00"
            : request.getParameter("rechargeAmount"));
    model.putIfAbsent(
        "triggerBelow",
        request.getParameter("triggerBelow") == null
            ? "50.00"
            : request.getParameter("triggerBelow"));
    render(request, response, "billing/buy-credits", model);
  }
}
