package com.commcredits.web.pages;

import com.commcredits.access.Permission;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Funding;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletService;
import com.commcredits.web.view.LineChart;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Billing > Products & services > Communications Credits: the balance (and what a balance at or below
 * zero blocks), Add more funds, the lots, the balance over 90 days, the transactions with a running
 * balance (filter, pages, CSV), the payment method, and manual adjustments (R-FUND, R-REP-3).
 */
@WebServlet("/billing/credits")
public class CreditsServlet extends FundingPageServlet {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 25;

  @Inject WalletService wallets;
  @Inject FundingService fundings;
  @Inject PaymentMethodService methods;
  @Inject com.commcredits.recharge.RechargeService recharge;
  @Inject Clock clock;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (wallets.find(caller(request)).isEmpty()) {
      response.sendRedirect(request.getContextPath() + "/billing/credits/buy");
      return;
    }
    Map<String, Object> model = model(request);
    LocalDate from = date(request, "from", model);
    LocalDate to = date(request, "to", model);
    if ("csv".equals(request.getParameter("export"))) {
      export(request, response, from, to);
      return;
    }
    model.put("fundsForm", new AddFunds("", null, null, "", UUID.randomUUID().toString()));
    model.put("adjustForm", new com.commcredits.wallet.WalletService.Adjustment("DEBIT", "", "", UUID.randomUUID().toString()));
    show(request, response, model, from, to);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> model = model(request);
    String action = request.getParameter("action");
    if ("recharge".equals(action)) {
      var command = new com.commcredits.recharge.RechargeService.Settings(request.getParameter("enabled") != null,
          request.getParameter("rechargeAmount"), request.getParameter("triggerBelow"), methodId(request),
          request.getParameter("rechargePurchaseOrder"));
      try {
        recharge.save(caller(request), command);
        redirect(request, response, "/billing/credits", views().message("recharge.saved"));
      } catch (ValidationException e) {
        rejected(response, model, e);
        model.put("rechargeForm", command);
        model.put("fundsForm", new AddFunds("", null, null, "", UUID.randomUUID().toString()));
        model.put("adjustForm", new WalletService.Adjustment("DEBIT", "", "", UUID.randomUUID().toString()));
        show(request, response, model, null, null);
      }
      return;
    }
    if ("adjust".equals(action)) {
      var command = new WalletService.Adjustment(request.getParameter("direction"), request.getParameter("amount"),
          request.getParameter("reason"), request.getParameter("idempotencyKey"));
      try {
        wallets.adjust(caller(request), command);
        redirect(request, response, "/billing/credits", views().message("credits.adjusted"));
      } catch (ValidationException e) {
        rejected(response, model, e);
        model.put("adjustForm", command);
        model.put("showAdjust", true);
        model.put("fundsForm", new AddFunds("", null, null, "", UUID.randomUUID().toString()));
        show(request, response, model, null, null);
      }
      return;
    }
    AddFunds command = new AddFunds(request.getParameter("amount"), null, methodId(request),
        request.getParameter("purchaseOrder"), request.getParameter("idempotencyKey"));
    try {
      FundingOutcome outcome = fundings.addFunds(caller(request), command);
      model.put("adjustForm", new WalletService.Adjustment("DEBIT", "", "", UUID.randomUUID().toString()));
      answer(request, response, model, command, outcome, () -> show(request, response, model, null, null));
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("fundsForm", command);
      model.put("adjustForm", new WalletService.Adjustment("DEBIT", "", "", UUID.randomUUID().toString()));
      show(request, response, model, null, null);
    }
  }

  private LocalDate date(HttpServletRequest request, String name, Map<String, Object> model) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      model.put("errors", Map.of(name, views().message("credits.badDate")));
      return null;
    }
  }

  private void show(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model,
      LocalDate from, LocalDate to) throws IOException {
    var caller = caller(request);
    Wallet wallet = wallets.get(caller);
    int page = Math.max(0, intParameter(request, "page", 0));
    Page<LedgerEntry> entries;
    try {
      entries = wallets.transactions(caller, from, to, page, PAGE_SIZE);
    } catch (ValidationException e) {
      model.put("errors", Map.of("from", e.getMessage()));
      entries = wallets.transactions(caller, null, null, 0, PAGE_SIZE);
    }
    List<PaymentMethod> paymentMethods = methods.list(caller);
    List<Funding> recent = wallets.recentFundings(caller, 5);
    Optional<PaymentMethod> billing = recent.stream().findFirst().flatMap(f -> paymentMethods.stream()
        .filter(m -> m.id() == f.paymentMethodId()).findFirst());
    model.put("wallet", wallet);
    model.put("lots", wallets.lots(caller));
    model.put("now", clock.instant());
    model.put("entries", entries);
    model.put("from", from == null ? "" : from.toString());
    model.put("to", to == null ? "" : to.toString());
    model.put("chart", LineChart.of(wallets.balanceHistory(caller, 90)));
    model.put("methods", paymentMethods);
    model.put("billingMethod", billing.orElse(null));
    model.put("recentFundings", recent);
    var settings = recharge.settings(caller).orElse(null);
    model.put("recharge", settings);
    model.put("attempts", recharge.recentAttempts(caller));
    model.putIfAbsent("rechargeForm", settings == null
        ? new com.commcredits.recharge.RechargeService.Settings(false, "100.00", "50.00", null, "")
        : new com.commcredits.recharge.RechargeService.Settings(settings.enabled(),
            settings.rechargeAmount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
            settings.triggerBelow().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
            settings.paymentMethodId(), settings.purchaseOrder() == null ? "" : settings.purchaseOrder()));
    render(request, response, "billing/credits", model);
  }

  private void export(HttpServletRequest request, HttpServletResponse response, LocalDate from, LocalDate to)
      throws IOException {
    var v = views();
    var caller = caller(request);
    try (Csv csv = Csv.download(response, "communications-credits-transactions.csv")) {
      csv.row(List.of(v.message("credits.col.date"), v.message("credits.col.type"), v.message("credits.col.description"),
          v.message("credits.col.reference"), v.message("credits.col.amount"), v.message("credits.col.balance"),
          v.message("credits.col.currency"), v.message("credits.col.id")));
      int page = 0;
      Page<LedgerEntry> chunk;
      do {
        chunk = wallets.transactions(caller, from, to, page++, 1000);
        for (LedgerEntry e : chunk.items()) {
          csv.row(List.of(e.occurredAt(), e.type(), e.description(), e.reference() == null ? "" : e.reference(),
              e.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
              e.balanceAfter().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), e.currency(), e.id()));
        }
      } while (chunk.hasNext());
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
