package com.commcredits.web.pages;

import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.web.security.SignedInAdmin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Exports of the PSTN usage report from its page (R-REP-1). A small export streams at once; a large
 * one runs in the background and this page shows its progress (rows written of rows selected,
 * refreshed every second) until the file can be downloaded.
 */
@WebServlet({"/reports/exports", "/reports/exports/*"})
public class ExportsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject UsageReport report;
  @Inject ExportJobs jobs;
  @Inject Clock clock;

  @Override
  protected Permission permission() {
    return Permission.VIEW_REPORTS;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String format = "xlsx".equals(request.getParameter("format")) ? "xlsx" : "csv";
    UsageFilter filter;
    try {
      filter = UsageReportServlet.filter(report, caller(request), request);
    } catch (ValidationException e) {
      response.sendRedirect(
          request.getContextPath() + "/reports/pstn-usage?" + UsageReportServlet.query(request));
      return;
    }
    long total = report.count(caller(request), filter);
    if (!jobs.runsInBackground(total)) {
      UsageReportServlet.download(report, caller(request), filter, format, response);
      return;
    }
    ExportJobs.Job job;
    try {
      job = jobs.start(caller(request), SignedInAdmin.of(request).adminId(), filter, format, total);
    } catch (ExportJobs.TooManyExports e) {
      redirect(
          request,
          response,
          "/reports/pstn-usage?" + UsageReportServlet.query(request),
          views()
              .message(
                  e.busy() == ExportJobs.Busy.ADMIN ? "export.busy.admin" : "export.busy.server",
                  ExportJobs.RUNNING_PER_ADMIN));
      return;
    }
    response.sendRedirect(request.getContextPath() + "/reports/exports/" + job.id());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    boolean file = path.endsWith("/file");
    String id = file ? path.substring(0, path.length() - "/file".length()) : path;
    var found = jobs.find(caller(request), SignedInAdmin.of(request).adminId(), id);
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    ExportJobs.Job job = found.get();
    if (file) {
      if (job.status() != ExportJobs.Status.DONE) {
        response.sendError(HttpServletResponse.SC_CONFLICT);
        return;
      }
      response.setContentType(UsageReportServlet.contentType(job.format()));
      response.setHeader("Content-Disposition", "attachment; filename=\"" + job.filename() + "\"");
      response.setContentLengthLong(Files.size(job.file()));
      Files.copy(job.file(), response.getOutputStream());
      return;
    }
    Map<String, Object> model = model(request);
    model.put("job", job);
    model.put("secondsLeft", secondsLeft(job));
    if (job.status() == ExportJobs.Status.RUNNING) {
      response.setHeader("Refresh", "1");
    }
    response.setHeader("Cache-Control", "no-store");
    render(request, response, "reports/export", model);
  }

  /**
   * The time left of a running export at the pace so far (rows written since it started), in whole
   * seconds; null until it has written a row, and once it is no longer running.
   */
  private Long secondsLeft(ExportJobs.Job job) {
    long written = job.written();
    if (job.status() != ExportJobs.Status.RUNNING || written == 0) {
      return null;
    }
    long elapsedMillis = Duration.between(job.startedAt(), clock.instant()).toMillis();
    long left = Math.max(0, job.total() - written);
    return (elapsedMillis * left / written + 999) / 1000;
  }
}
