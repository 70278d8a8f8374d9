package com.commcredits.web.pages;

import com.commcredits.config.AppSettings;
import com.commcredits.dispute.Disputes;
import com.commcredits.notification.Notifier;
import com.commcredits.shared.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Message center: every notification with its status (queued, sent, failed), time, recipients and
 * text (R-NOTIFY-2).
 */
@WebServlet("/messages")
public class MessageCenterServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject Notifier notifier;
  @Inject AppSettings settings;
  @Inject Disputes disputes;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    model.put(
        "messages",
        notifier.messageCenter(caller(request), Math.max(0, intParameter(request, "page", 0)), 25));
    model.put("outboxOnly", !settings.smtpConfigured());
    // R-DISPUTE-6: the state of each of the organisation's disputes
    model.put("disputes", disputes.list(caller(request), null, 0, 50));
    render(request, response, "messages", model);
  }
}
