package com.commcredits.web.pages;

import com.commcredits.guard.SpendCaps;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Spend caps for the users selected on Active users (R-GUARD-1): the same monthly caps for all, or
 * none changed. Global and Billing admins only; the service refuses anyone else.
 */
@WebServlet("/users/spend-caps")
public class UserSpendCapsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject SpendCaps caps;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] selected = request.getParameterValues("selected");
    List<String> upns = selected == null ? List.of() : Arrays.asList(selected);
    try {
      int changed =
          caps.setLimits(
              caller(request),
              upns,
              new SpendCaps.LimitInput(
                  request.getParameter("monthly"),
                  null,
                  request.getParameter("internationalMonthly"),
                  null));
      redirect(request, response, "/users", views().message("users.caps.done", changed));
    } catch (ValidationException e) {
      redirect(request, response, "/users", views().message("users.bulk.refused", e.getMessage()));
    }
  }
}
