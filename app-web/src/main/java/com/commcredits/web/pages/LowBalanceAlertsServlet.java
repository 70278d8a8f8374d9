package com.commcredits.web.pages;

import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.LowBalanceAlerts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Communications Credits > Low-balance alerts: saves up to three thresholds (R-GUARD-4). */
@WebServlet("/billing/credits/alerts")
public class LowBalanceAlertsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject LowBalanceAlerts alerts;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] typed = request.getParameterValues("threshold");
    List<String[]> amounts = new ArrayList<>();
    if (typed != null) {
      for (String t : typed) {
        if (t != null && !t.isBlank()) {
          amounts.add(new String[] {t, null});
        }
      }
    }
    String back = "/billing/credits#low-balance-alerts";
    try {
      alerts.save(caller(request), amounts);
      redirect(request, response, back, views().message("alerts.saved"));
    } catch (ValidationException e) {
      redirect(request, response, back, views().message("alerts.refused", e.getMessage()));
    }
  }
}
