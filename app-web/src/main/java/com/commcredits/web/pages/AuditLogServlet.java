package com.commcredits.web.pages;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditEntry;
import com.commcredits.audit.AuditLog;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings > Audit log: who did what and when, with before/after; filter by action, page, export as
 * CSV.
 */
@WebServlet("/settings/audit")
public class AuditLogServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 50;

  @Inject AuditLog audit;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_SETTINGS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String requested = request.getParameter("action");
    String action =
        Arrays.stream(AuditAction.values())
            .map(Enum::name)
            .filter(a -> a.equals(requested))
            .findFirst()
            .orElse(null);
    if ("csv".equals(request.getParameter("export"))) {
      export(request, response, action);
      return;
    }
    int page = Math.max(0, intParameter(request, "page", 0));
    Map<String, Object> model = model(request);
    model.put("entries", audit.list(caller(request), action, page, PAGE_SIZE));
    model.put("action", action == null ? "" : action);
    model.put("actions", AuditAction.values());
    render(request, response, "settings/audit", model);
  }

  private void export(HttpServletRequest request, HttpServletResponse response, String action)
      throws IOException {
    var v = views();
    try (Csv csv = Csv.download(response, "audit-log.csv")) {
      csv.row(
          List.of(
              v.message("audit.col.when"),
              v.message("audit.col.who"),
              v.message("audit.col.action"),
              v.message("audit.col.target"),
              v.message("audit.col.summary"),
              v.message("audit.col.before"),
              v.message("audit.col.after")));
      int page = 0;
      Page<AuditEntry> chunk;
      do {
        chunk = audit.list(caller(request), action, page++, 200);
        for (AuditEntry e : chunk.items()) {
          csv.row(
              Arrays.asList(
                  e.occurredAt(),
                  e.actorName(),
                  e.action(),
                  e.targetType() == null ? "" : e.targetType() + " " + e.targetId(),
                  e.summary(),
                  e.before(),
                  e.after()));
        }
      } while (chunk.hasNext());
    }
  }
}
