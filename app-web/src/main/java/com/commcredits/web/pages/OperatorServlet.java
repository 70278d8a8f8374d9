package com.commcredits.web.pages;

import com.commcredits.money.Money;
import com.commcredits.operator.OperatorDesk;
import com.commcredits.payment.EaAgreements;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.Adjustments;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Settings > Operator (R-FUND-12, R-PAY-1), for the operator's Global admins only: find an
 * organisation by name, open it, read its wallet and recent ledger, and credit or debit it, refund
 * one of its calls, or register an EA number for it. Each form has its own key (R-FUND-7), its own
 * errors beside its fields, and redirects after success.
 */
@WebServlet("/settings/operator")
public class OperatorServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int LEDGER_SIZE = 25;

  @Inject OperatorDesk desk;
  @Inject Adjustments adjustments;
  @Inject EaAgreements agreements;

  /** The adjustment form as typed. */
  public record AdjustForm(String direction, String amount, String reason, String key) {}

  /** The refund form as typed. */
  public record RefundForm(String callId, String reason, String key) {}

  /** The EA registration form as typed. */
  public record EaForm(String eaNumber, String customer, String monthlyLimit) {}

  @Override
  protected Permission permission() {
    return Permission.OPERATE_TENANTS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    if (request.getParameter("org") != null) {
      showTenant(request, response, model, idParameter(request, "org"));
      return;
    }
    String q = request.getParameter("q") == null ? "" : request.getParameter("q").strip();
    model.put("q", q);
    try {
      model.put("organisations", desk.search(caller(request), q));
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("organisations", List.of());
    }
    render(request, response, "settings/operator", model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long org = idParameter(request, "org");
    Map<String, Object> model = model(request);
    Caller caller = caller(request);
    String back = "/settings/operator?org=" + org;
    String action = request.getParameter("action");
    if ("refund".equals(action)) {
      RefundForm form =
          new RefundForm(
              request.getParameter("refundCallId"),
              request.getParameter("refundReason"),
              request.getParameter("idempotencyKey"));
      try {
        var refund =
            Retries.call(
                () -> desk.refundCall(caller, org, form.callId(), form.reason(), form.key()));
        redirect(
            request,
            response,
            back,
            views()
                .message(
                    "operator.refunded",
                    form.callId().strip(),
                    Money.of(refund.entry().amount(), refund.entry().currency()).toString()));
      } catch (ValidationException e) {
        formErrors(response, model, "refundErrors", e, Map.of("callId", "refundCallId"));
        model.put("refundForm", form);
        showTenant(request, response, model, org);
      } catch (NotFoundException e) {
        // a call id this organisation never rated: said beside the field, like any bad input
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.put(
            "refundErrors",
            Map.of(
                "refundCallId",
                views().message("operator.refund.unknown", String.valueOf(form.callId()).strip())));
        model.put("refundForm", form);
        showTenant(request, response, model, org);
      } catch (AlreadyDoneException | ConflictException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.put("refundErrors", Map.of("form", e.getMessage()));
        model.put("refundForm", new RefundForm(form.callId(), form.reason(), newKey()));
        showTenant(request, response, model, org);
      }
    } else if ("ea".equals(action)) {
      EaForm form =
          new EaForm(
              request.getParameter("eaNumber"),
              request.getParameter("eaCustomer"),
              request.getParameter("eaLimit"));
      try {
        Retries.call(
            () ->
                agreements.register(
                    caller,
                    org,
                    new EaAgreements.Registration(
                        form.eaNumber(), form.customer(), form.monthlyLimit(), null)));
        redirect(
            request,
            response,
            back,
            views().message("operator.ea.registered", form.eaNumber().strip()));
      } catch (ValidationException e) {
        formErrors(
            response,
            model,
            "eaErrors",
            e,
            Map.of(
                "customer",
                "eaCustomer",
                "monthlyLimit",
                "eaLimit",
                "monthlyLimit.currency",
                "eaLimit"));
        model.put("eaForm", form);
        showTenant(request, response, model, org);
      } catch (AlreadyDoneException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.put("eaErrors", Map.of("eaNumber", e.getMessage()));
        model.put("eaForm", form);
        showTenant(request, response, model, org);
      }
    } else {
      AdjustForm form =
          new AdjustForm(
              request.getParameter("direction"),
              request.getParameter("adjustAmount"),
              request.getParameter("adjustReason"),
              request.getParameter("idempotencyKey"));
      try {
        Retries.call(
            () ->
                adjustments.adjust(
                    caller,
                    org,
                    new Adjustments.Adjustment(
                        form.direction(), form.amount(), null, form.reason(), form.key())));
        redirect(request, response, back, views().message("operator.adjusted"));
      } catch (ValidationException e) {
        formErrors(
            response,
            model,
            "adjustErrors",
            e,
            Map.of("amount", "adjustAmount", "reason", "adjustReason"));
        model.put("adjustForm", form);
        showTenant(request, response, model, org);
      } catch (ConflictException e) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.put("adjustErrors", Map.of("form", views().message("credits.resubmitted")));
        model.put(
            "adjustForm", new AdjustForm(form.direction(), form.amount(), form.reason(), newKey()));
        showTenant(request, response, model, org);
      }
    }
  }

  private void showTenant(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model, long org)
      throws IOException {
    int page = Math.max(0, intParameter(request, "page", 0));
    OperatorDesk.Tenant tenant = desk.tenant(caller(request), org, page, LEDGER_SIZE);
    model.put("tenant", tenant);
    model.put("entries", tenant.recent());
    model.put("pageUrl", "/settings/operator?org=" + org);
    model.putIfAbsent("adjustForm", new AdjustForm("CREDIT", "", "", newKey()));
    model.putIfAbsent("refundForm", new RefundForm("", "", newKey()));
    model.putIfAbsent("eaForm", new EaForm("", tenant.organisation().name(), ""));
    model.putIfAbsent("adjustErrors", Map.of());
    model.putIfAbsent("refundErrors", Map.of());
    model.putIfAbsent("eaErrors", Map.of());
    render(request, response, "settings/operator-tenant", model);
  }

  /** A refused form's errors under its own key, its fields named as the form names them. */
  private static void formErrors(
      HttpServletResponse response,
      Map<String, Object> model,
      String formKey,
      ValidationException e,
      Map<String, String> renamed) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : e.errors()) {
      String field = renamed.getOrDefault(error.field(), error.field());
      if ("idempotencyKey".equals(field)) {
        field = "form";
      }
      errors.putIfAbsent(field, error.message());
    }
    model.put(formKey, errors);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }
}
