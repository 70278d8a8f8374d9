package com.commcredits.web.pages;

import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Billing > Payment methods (R-PAY-1): cards (the number goes to the gateway and is never shown
 * again, not even on a refused form) and Enterprise Agreement numbers; remove either.
 */
@WebServlet("/billing/payment-methods")
public class PaymentMethodsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject PaymentMethodService methods;
  @Inject Clock clock;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    show(request, response, model(request));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getParameter("action");
    Map<String, Object> model = model(request);
    try {
      switch (action == null ? "" : action) {
        case "card" -> {
          PaymentMethod card =
              methods.addCard(
                  caller(request),
                  new PaymentMethodService.NewCard(
                      request.getParameter("cardNumber"),
                      integer(request, "expiryMonth"),
                      integer(request, "expiryYear"),
                      request.getParameter("cvc")));
          redirect(
              request,
              response,
              "/billing/payment-methods",
              views().message("methods.added", card.describe()));
        }
        case "ea" -> {
          PaymentMethod ea =
              methods.addEnterpriseAgreement(
                  caller(request), request.getParameter("eaNumber"), request.getParameter("label"));
          redirect(
              request,
              response,
              "/billing/payment-methods",
              views().message("methods.added", ea.describe()));
        }
        case "remove" -> {
          PaymentMethod removed = methods.get(caller(request), idParameter(request, "id"));
          methods.remove(caller(request), removed.id());
          redirect(
              request,
              response,
              "/billing/payment-methods",
              views().message("methods.removed", removed.describe()));
        }
        default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("eaNumber", request.getParameter("eaNumber"));
      model.put("label", request.getParameter("label"));
      model.put("expiryMonth", request.getParameter("expiryMonth"));
      model.put("expiryYear", request.getParameter("expiryYear"));
      show(request, response, model);
    }
  }

  private static Integer integer(HttpServletRequest request, String name) {
    try {
      String value = request.getParameter(name);
      return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    model.put("methods", methods.list(caller(request)));
    model.put("gateway", methods.gatewayName());
    model.put("sandbox", methods.gatewayIsSandbox());
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    model.put("years", IntStream.rangeClosed(year, year + 15).boxed().toList());
    model.put("monthsOfYear", IntStream.rangeClosed(1, 12).boxed().toList());
    render(request, response, "billing/payment-methods", model);
  }
}
