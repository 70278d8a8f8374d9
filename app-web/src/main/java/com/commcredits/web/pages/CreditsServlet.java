package com.commcredits.web.pages;

import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.recharge.RechargeService;
import com.commcredits.recharge.RunwayAlerts;
import com.commcredits.reconciliation.ReconciliationService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Dates;
import com.commcredits.shared.Keyset;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Funding;
import com.commcredits.wallet.FundingLot;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.LowBalanceAlerts;
import com.commcredits.wallet.RunwayForecast;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import com.commcredits.web.view.LineChart;
import com.commcredits.web.view.StackedBars;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Billing > Products & services > Communications Credits: the balance (and what a balance at or
 * below zero blocks), Add more funds, the lots, the balance over 90 days, the transactions with a
 * running balance (filter, pages, CSV), the payment method and auto-recharge (R-FUND, R-REP-3).
 * Manual adjustments are the operator's (R-FUND-12), not here. The page holds several forms; each
 * shows only its own errors ({@code fundsErrors}, {@code rechargeErrors}, {@code filterErrors}) and
 * its fields have ids no other form uses.
 */
@WebServlet("/billing/credits")
public class CreditsServlet extends FundingPageServlet {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 25;

  @Inject WalletQueries wallets;
  @Inject FundingService fundings;
  @Inject PaymentMethodService methods;
  @Inject RechargeService recharge;
  @Inject UsageReport usage;
  @Inject Clock clock;
  @Inject ReconciliationService reconciliation;
  @Inject RunwayAlerts runway;
  @Inject LowBalanceAlerts lowBalance;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (wallets.find(caller(request)).isEmpty()) {
      response.sendRedirect(request.getContextPath() + "/billing/credits/buy");
      return;
    }
    Map<String, Object> model = model(request);
    Map<String, String> filterErrors = new LinkedHashMap<>();
    LocalDate from = date(request, "from", filterErrors);
    LocalDate to = date(request, "to", filterErrors);
    if ("spend".equals(request.getParameter("export"))) {
      UsageExport.spendCsv(usage.spendByKind(caller(request), last90Days(request)), response);
      return;
    }
    if ("csv".equals(request.getParameter("export"))) {
      if (!filterErrors.isEmpty() || from != null && to != null && from.isAfter(to)) {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        return;
      }
      TransactionsCsv.write(wallets, caller(request), views(), response, from, to);
      return;
    }
    model.put("filterErrors", filterErrors);
    model.put("lastCheck", reconciliation.lastCheck(caller(request)).orElse(null));
    show(request, response, model, from, to);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    String action = request.getParameter("action");
    if ("recharge".equals(action)) {
      saveRecharge(request, response, model);
    } else if ("runway".equals(action)) {
      String days = request.getParameter("runwayAlertDays");
      try {
        int saved = Retries.call(() -> runway.save(caller(request), days));
        redirect(request, response, "/billing/credits", views().message("runway.saved", saved));
      } catch (ValidationException e) {
        rejected(response, model, e);
        formErrors(model, "runwayErrors", Map.of());
        model.put("runwayDays", days);
        show(request, response, model, null, null);
      }
    } else {
      addFunds(request, response, model);
    }
  }

  /** Add more funds (R-FUND-9): one funding per form key, whatever is resubmitted (R-FUND-7). */
  private void addFunds(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    AddFunds command =
        new AddFunds(
            request.getParameter("amount"),
            null,
            methodId(request),
            request.getParameter("purchaseOrder"),
            request.getParameter("idempotencyKey"));
    try {
      FundingOutcome outcome = fundings.addFunds(caller(request), command);
      answer(
          request,
          response,
          model,
          command,
          outcome,
          () -> {
            formErrors(model, "fundsErrors", Map.of());
            show(request, response, model, null, null);
          });
    } catch (ValidationException e) {
      rejected(response, model, e);
      formErrors(model, "fundsErrors", Map.of());
      model.put("fundsForm", command);
      show(request, response, model, null, null);
    } catch (ConflictException e) {
      // the key of this form was used for another amount or method (back, edit, resubmit): nothing
      // was added
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.put("fundsErrors", Map.of("form", views().message("credits.resubmitted")));
      model.put("fundsForm", command.withNewKey());
      show(request, response, model, null, null);
    }
  }

  private void saveRecharge(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    var command = RechargeForm.from(request);
    try {
      Retries.call(() -> recharge.save(caller(request), command));
      redirect(request, response, "/billing/credits", views().message("recharge.saved"));
    } catch (ValidationException e) {
      rejected(response, model, e);
      formErrors(model, "rechargeErrors", Map.of("purchaseOrder", "rechargePurchaseOrder"));
      model.put("rechargeForm", command);
      show(request, response, model, null, null);
    }
  }

  /**
   * Moves the errors {@link #rejected} put in the model to the form that was refused, naming its
   * fields as that form does, so that the page's other forms show none of them.
   */
  @SuppressWarnings("unchecked")
  private static void formErrors(
      Map<String, Object> model, String formKey, Map<String, String> renamed) {
    Map<String, String> errors = new LinkedHashMap<>();
    ((Map<String, String>) model.getOrDefault("errors", Map.of()))
        .forEach(
            (field, message) -> errors.putIfAbsent(renamed.getOrDefault(field, field), message));
    model.put(formKey, errors);
    model.put("errors", Map.of());
  }

  private LocalDate date(HttpServletRequest request, String name, Map<String, String> errors) {
    try {
      return Dates.parse(request.getParameter(name));
    } catch (IllegalArgumentException e) {
      errors.put(name, views().message("credits.badDate"));
      return null;
    }
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      LocalDate from,
      LocalDate to)
      throws IOException {
    Caller caller = caller(request);
    Wallet wallet = wallets.get(caller);
    // keyset pages (newer/older by entry id): a deep page costs what the first does
    Long before = cursor(request, "before");
    Long after = cursor(request, "after");
    @SuppressWarnings("unchecked")
    Map<String, String> filterErrors =
        new LinkedHashMap<>((Map<String, String>) model.getOrDefault("filterErrors", Map.of()));
    Keyset<LedgerEntry> entries;
    try {
      entries = wallets.transactions(caller, from, to, before, after, PAGE_SIZE);
    } catch (ValidationException e) {
      e.errors().forEach(error -> filterErrors.putIfAbsent(error.field(), error.message()));
      entries = wallets.transactions(caller, null, null, null, null, PAGE_SIZE);
    }
    List<PaymentMethod> paymentMethods = methods.list(caller);
    List<Funding> recent = wallets.recentFundings(caller, 10);
    // the method that last paid; a refused attempt is not what the wallet is billed to
    Optional<Funding> last =
        recent.stream()
            .filter(f -> f.status() == FundingStatus.SUCCEEDED)
            .findFirst()
            .or(() -> recent.stream().findFirst());
    model.put("wallet", wallet);
    model.put("lowBalanceAlerts", lowBalance.thresholds(caller)); // R-GUARD-4
    model.put("balance", wallets.balance(wallet)); // net of lots past their expiry (R-FUND-10)
    var lots = wallets.lots(caller);
    model.put("lots", lots);
    // funds recorded without a funding request (an import, say) still name how they were paid
    model.put(
        "newestLot", lots.stream().max(Comparator.comparing(FundingLot::purchasedAt)).orElse(null));
    model.put("now", clock.instant());
    model.put("entries", entries);
    model.put("from", from == null ? "" : from.toString());
    model.put("to", to == null ? "" : to.toString());
    model.put("pageUrl", "/billing/credits" + filterQuery(from, to));
    model.put("filterErrors", filterErrors);
    RunwayForecast forecast = wallets.forecast(wallet); // R-SEE-1, R-SEE-2
    model.put("forecast", forecast);
    model.put(
        "chart",
        LineChart.of(
            wallets.balanceHistory(caller, 90), forecast.projection(90), wallet.currency()));
    model.putIfAbsent("runwayErrors", Map.of());
    model.putIfAbsent("runwayDays", runway.thresholdDays(caller));
    model.put("spend", StackedBars.of(usage.spendByKind(caller, last90Days(request))));
    model.put("spendCsv", request.getContextPath() + "/billing/credits?export=spend");
    model.put("methods", paymentMethods);
    model.put("lastFunding", last.orElse(null));
    model.put(
        "billingMethod",
        last.flatMap(
                f -> paymentMethods.stream().filter(m -> m.id() == f.paymentMethodId()).findFirst())
            .orElse(null));
    model.putIfAbsent("fundsForm", AddFunds.blankForm());
    model.putIfAbsent("fundsErrors", Map.of());
    model.putIfAbsent("rechargeErrors", Map.of());
    var settings = recharge.settings(caller).orElse(null);
    model.put("recharge", settings);
    model.put("attempts", recharge.recentAttempts(caller));
    model.putIfAbsent("rechargeForm", RechargeForm.of(settings, wallet));
    render(request, response, "billing/credits", model);
  }

  /** An entry id from the pager's links; anything else is no cursor (the newest page). */
  private static Long cursor(HttpServletRequest request, String name) {
    try {
      String value = request.getParameter(name);
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The period of the charts: the last 90 days of the organisation's calendar, today included. */
  private UsageFilter last90Days(HttpServletRequest request) {
    return usage.filter(caller(request), null, null, null, null, 90);
  }

  /**
   * The filter as a query string for the pager's links (dates already parsed, so nothing to
   * escape).
   */
  private static String filterQuery(LocalDate from, LocalDate to) {
    StringBuilder query = new StringBuilder();
    if (from != null) {
      query.append("?from=").append(from);
    }
    if (to != null) {
      query.append(query.isEmpty() ? "?" : "&").append("to=").append(to);
    }
    return query.toString();
  }
}
