package com.commcredits.web.pages;

import com.commcredits.notification.BillingContacts;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Settings > Billing notifications: who receives the billing emails (R-NOTIFY-1). */
@WebServlet("/settings/notifications")
public class BillingContactsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject BillingContacts contacts;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_SETTINGS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    model.put("emails", String.join("\n", contacts.listed(caller(request))));
    show(request, response, model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      contacts.replace(caller(request), request.getParameter("emails"));
      redirect(request, response, "/settings/notifications", views().message("contacts.saved"));
    } catch (ValidationException e) {
      Map<String, Object> model = model(request);
      rejected(response, model, e);
      model.put("emails", request.getParameter("emails"));
      show(request, response, model);
    }
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    model.put("defaults", contacts.defaults(caller(request).organisationId()));
    model.put("recipients", contacts.recipients(caller(request).organisationId()));
    render(request, response, "settings/notifications", model);
  }
}
