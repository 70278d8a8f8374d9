package com.commcredits.web.pages;

import com.commcredits.access.Permission;
import com.commcredits.subscription.SubscriptionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Billing > Products & services (the organisation's subscriptions) and Billing > Subscriptions (with the catalog). */
@WebServlet({"/billing/products", "/billing/subscriptions"})
public class ProductsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject SubscriptionService subscriptions;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> model = model(request);
    var list = subscriptions.list(caller(request));
    model.put("subscriptions", list);
    model.put("hasCredits", list.stream().anyMatch(v -> "COMMUNICATIONS_CREDITS".equals(v.subscription().sku())));
    boolean subscriptionsPage = request.getServletPath().endsWith("/subscriptions");
    if (subscriptionsPage) {
      model.put("catalog", subscriptions.catalog());
    }
    render(request, response, subscriptionsPage ? "billing/subscriptions" : "billing/products", model);
  }
}
