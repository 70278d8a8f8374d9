package com.commcredits.web.pages;

import com.commcredits.reconciliation.Finding;
import com.commcredits.reconciliation.FindingKind;
import com.commcredits.reconciliation.ReconciliationRun;
import com.commcredits.reconciliation.ReconciliationService;
import com.commcredits.reconciliation.RunAlreadyGoing;
import com.commcredits.reconciliation.RunMode;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Settings > Reconciliation (R-RECON-3), the operator's Global admins only (404 for everyone else):
 * the runs, a progress bar while one is going (app.js polls {@code ?progress=id}), a run's findings
 * with filters and CSV export, and Run now.
 */
@WebServlet("/settings/reconciliation")
public class ReconciliationServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 100;

  @Inject ReconciliationService reconciliation;
  @Inject Clock clock;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_SETTINGS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Caller caller = caller(request);
    if (!reconciliation.isOperatorAdmin(caller)) {
      throw new NotFoundException("The page");
    }
    if (request.getParameter("progress") != null) {
      progress(response, reconciliation.run(caller, idParameter(request, "progress")));
      return;
    }
    List<ReconciliationRun> runs = reconciliation.runs(caller, 30);
    ReconciliationRun selected =
        request.getParameter("run") != null
            ? reconciliation.run(caller, idParameter(request, "run"))
            : runs.isEmpty() ? null : runs.get(0);
    FindingKind kind =
        Arrays.stream(FindingKind.values())
            .filter(k -> k.name().equals(request.getParameter("kind")))
            .findFirst()
            .orElse(null);
    Long organisation = null;
    String org = request.getParameter("organisation");
    if (org != null && !org.isBlank()) {
      try {
        organisation = Long.parseLong(org.strip());
      } catch (NumberFormatException e) {
        organisation = -1L;
      }
    }
    if (selected != null && "csv".equals(request.getParameter("export"))) {
      export(response, caller, selected, kind, organisation);
      return;
    }
    int page = Math.max(0, intParameter(request, "page", 0));
    Map<String, Object> model = model(request);
    model.put("runs", runs);
    model.put("selected", selected);
    model.put("kinds", FindingKind.values());
    model.put("kind", kind == null ? "" : kind.name());
    model.put("organisation", organisation == null ? "" : organisation.toString());
    model.put("now", clock.instant());
    model.put("running", runs.stream().filter(ReconciliationRun::running).findFirst().orElse(null));
    if (selected != null) {
      model.put(
          "findings",
          reconciliation.findings(
              caller, selected.id(), kind, organisation, page * PAGE_SIZE, PAGE_SIZE));
      long total = reconciliation.countFindings(caller, selected.id(), kind, organisation);
      model.put("findingTotal", total);
      model.put("page", page);
      model.put("hasNext", (long) (page + 1) * PAGE_SIZE < total);
    }
    render(request, response, "settings/reconciliation", model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Caller caller = caller(request);
    if (!reconciliation.isOperatorAdmin(caller)) {
      throw new NotFoundException("The page");
    }
    RunMode mode = "FULL".equals(request.getParameter("mode")) ? RunMode.FULL : RunMode.INCREMENTAL;
    try {
      ReconciliationRun run = reconciliation.start(caller, mode);
      redirect(
          request,
          response,
          "/settings/reconciliation?run=" + run.id(),
          views().message("recon.started"));
    } catch (RunAlreadyGoing e) {
      redirect(request, response, "/settings/reconciliation", views().message("recon.busy"));
    }
  }

  private static void progress(HttpServletResponse response, ReconciliationRun run)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("id", run.id())
                .add("status", run.status().name())
                .add("percent", run.percent())
                .add("partitionsDone", run.partitionsDone())
                .add("partitionsTotal", run.partitionsTotal())
                .add("walletsChecked", run.walletsChecked())
                .add("findings", run.findings())
                .build()
                .toString());
  }

  private void export(
      HttpServletResponse response,
      Caller caller,
      ReconciliationRun run,
      FindingKind kind,
      Long organisation)
      throws IOException {
    var v = views();
    try (Csv csv = Csv.download(response, "reconciliation-run-" + run.id() + ".csv")) {
      csv.row(
          List.of(
              v.message("recon.col.kind"),
              v.message("recon.col.organisation"),
              v.message("recon.col.wallet"),
              v.message("recon.col.subject"),
              v.message("recon.col.expected"),
              v.message("recon.col.actual"),
              v.message("recon.col.detail")));
      int offset = 0;
      List<Finding> chunk;
      do {
        chunk = reconciliation.findings(caller, run.id(), kind, organisation, offset, 1000);
        for (Finding f : chunk) {
          csv.row(
              Arrays.asList(
                  f.kind().name(),
                  f.organisationId() == null ? "" : f.organisationId().toString(),
                  f.walletId() == null ? "" : f.walletId().toString(),
                  f.subject(),
                  f.expected(),
                  f.actual(),
                  f.detail()));
        }
        offset += chunk.size();
      } while (chunk.size() == 1000);
    }
  }
}
