package com.commcredits.web.pages;

import com.commcredits.licensing.LicensingService;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.subscription.SubscriptionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Billing > Products & services (the organisation's subscriptions) and Billing > Subscriptions
 * (with the catalog).
 */
@WebServlet({"/billing/products", "/billing/subscriptions"})
public class ProductsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject SubscriptionService subscriptions;
  @Inject LicensingService licensing;
  @Inject PaymentMethodService paymentMethods;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    show(request, response, model(request));
  }

  /** Subscriptions: buy a product with a quantity, change a quantity, cancel. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    String action = request.getParameter("action");
    try {
      switch (action == null ? "" : action) {
        case "buy" -> {
          var bought =
              subscriptions.buy(
                  caller(request),
                  new SubscriptionService.Purchase(
                      request.getParameter("sku"),
                      intParameter(request, "quantity", 0),
                      FundingPageServlet.methodId(request),
                      requestKey(request)));
          redirect(
              request,
              response,
              "/billing/subscriptions",
              views().message("subscriptions.bought", bought.quantity(), bought.sku()));
        }
        case "quantity" -> {
          var changed =
              subscriptions.changeQuantity(
                  caller(request),
                  idParameter(request, "id"),
                  intParameter(request, "quantity", 0),
                  requestKey(request));
          redirect(
              request,
              response,
              "/billing/subscriptions",
              views().message("subscriptions.changed", changed.sku(), changed.quantity()));
        }
        case "cancel" -> {
          subscriptions.cancel(caller(request), idParameter(request, "id"));
          redirect(
              request,
              response,
              "/billing/subscriptions",
              views().message("subscriptions.cancelled"));
        }
        default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("problem", e.getMessage());
      model.put("problemId", request.getParameter("id"));
      show(request, response, model);
    } catch (ConflictException e) {
      // the form's request key was used for another request: a stale page sent again
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.put("problem", views().message("subscriptions.staleForm"));
      show(request, response, model);
    }
  }

  /** The form's request key (a fresh one per page), so a form sent twice bills once. */
  private static String requestKey(HttpServletRequest request) {
    String key = request.getParameter("requestKey");
    return key == null || key.isBlank() ? null : key;
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    var list = subscriptions.list(caller(request));
    model.put("subscriptions", list);
    model.put(
        "hasCredits",
        list.stream().anyMatch(v -> "COMMUNICATIONS_CREDITS".equals(v.subscription().sku())));
    model.put("usage", licensing.usage(caller(request).organisationId()));
    boolean subscriptionsPage = request.getServletPath().endsWith("/subscriptions");
    if (subscriptionsPage) {
      model.put("catalog", subscriptions.catalog());
      model.put("methods", paymentMethods.list(caller(request)));
      model.put("requestKey", UUID.randomUUID().toString());
    }
    render(
        request, response, subscriptionsPage ? "billing/subscriptions" : "billing/products", model);
  }
}
