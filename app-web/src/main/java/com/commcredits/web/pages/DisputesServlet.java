package com.commcredits.web.pages;

import com.commcredits.dispute.DisputeDecisions;
import com.commcredits.dispute.DisputeStatus;
import com.commcredits.dispute.Disputes;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Settings > Disputes, for the operator's Global admins (R-DISPUTE-4): the queue of disputes of
 * every tenant, filtered by status (open first), and for each open one an approval (a refund and a
 * credit note, under the form's own idempotency key) or a rejection with a reason.
 */
@WebServlet("/settings/disputes")
public class DisputesServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int SIZE = 25;

  @Inject Disputes disputes;
  @Inject DisputeDecisions decisions;

  @Override
  protected Permission permission() {
    return Permission.OPERATE_TENANTS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    show(request, response, model(request));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Caller caller = caller(request);
    long id = idParameter(request, "id");
    Map<String, Object> model = model(request);
    try {
      if ("approve".equals(request.getParameter("action"))) {
        String note = request.getParameter("note");
        String key = request.getParameter("idempotencyKey");
        var approval = Retries.call(() -> decisions.approve(caller, id, note, key));
        redirect(
            request,
            response,
            "/settings/disputes",
            views()
                .message(
                    "disputes.approved",
                    approval.dispute().callId(),
                    approval.dispute().charge().toString()));
      } else {
        String reason = request.getParameter("reason");
        var rejected = Retries.call(() -> decisions.reject(caller, id, reason));
        redirect(
            request,
            response,
            "/settings/disputes",
            views().message("disputes.rejected", rejected.callId()));
      }
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("failedId", id);
      show(request, response, model);
    } catch (AlreadyDoneException | ConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.put("errors", Map.of("form", e.getMessage()));
      model.put("failedId", id);
      show(request, response, model);
    }
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    String statusText = request.getParameter("status");
    DisputeStatus status =
        statusText == null
            ? DisputeStatus.OPEN
            : Arrays.stream(DisputeStatus.values())
                .filter(s -> s.name().equals(statusText))
                .findFirst()
                .orElse(null);
    model.put("status", status == null ? "" : status.name());
    model.put("statuses", DisputeStatus.values());
    model.put(
        "disputes",
        disputes.list(
            caller(request), status, Math.max(0, intParameter(request, "page", 0)), SIZE));
    model.put("newKey", UUID.randomUUID().toString());
    model.putIfAbsent("failedId", -1L);
    model.put("pageUrl", "/settings/disputes?status=" + (status == null ? "ALL" : status.name()));
    render(request, response, "settings/disputes", model);
  }
}
