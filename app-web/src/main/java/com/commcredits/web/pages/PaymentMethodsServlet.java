package com.commcredits.web.pages;

import com.commcredits.access.Permission;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Billing > Payment methods. Cards and EA numbers arrive with the wallet (issue 3); until then the list is empty. */
@WebServlet("/billing/payment-methods")
public class PaymentMethodsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    render(request, response, "billing/payment-methods", model(request));
  }
}
