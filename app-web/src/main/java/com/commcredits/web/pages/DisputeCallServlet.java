package com.commcredits.web.pages;

import com.commcredits.dispute.Disputes;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Reports > PSTN usage > Dispute (R-DISPUTE-1): a Billing or Global admin gives the reason for
 * disputing one rated call; the operator then decides it.
 */
@WebServlet("/reports/pstn-usage/dispute")
public class DisputeCallServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject Disputes disputes;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    model.put("callId", String.valueOf(request.getParameter("call")));
    model.put("reason", "");
    render(request, response, "reports/dispute", model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String callId = String.valueOf(request.getParameter("call"));
    String reason = request.getParameter("reason");
    Map<String, Object> model = model(request);
    model.put("callId", callId);
    model.put("reason", reason == null ? "" : reason);
    try {
      Retries.call(() -> disputes.open(caller(request), callId, reason));
      redirect(
          request,
          response,
          "/reports/pstn-usage",
          views().message("dispute.opened", callId.strip()));
    } catch (ValidationException e) {
      rejected(response, model, e);
      render(request, response, "reports/dispute", model);
    } catch (AlreadyDoneException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.put("errors", Map.of("form", e.getMessage()));
      render(request, response, "reports/dispute", model);
    }
  }
}
