package com.commcredits.web.pages;

import com.commcredits.access.Permission;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/** Reports > PSTN usage: every rated call with its funding; filters, pages, CSV and Excel export (R-REP-1). */
@WebServlet("/reports/pstn-usage")
public class UsageReportServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject UsageReport report;

  @Override
  protected Permission permission() {
    return Permission.VIEW_REPORTS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> model = model(request);
    String kindText = request.getParameter("kind");
    CallKind kind = Arrays.stream(CallKind.values()).filter(k -> k.name().equals(kindText)).findFirst().orElse(null);
    UsageFilter filter;
    try {
      filter = report.filter(caller(request), date(request, "from"), date(request, "to"), request.getParameter("user"), kind);
    } catch (ValidationException e) {
      rejected(response, model, e);
      filter = report.filter(caller(request), null, null, null, null);
    }
    String format = request.getParameter("export");
    if ("csv".equals(format)) {
      response.setContentType("text/csv;charset=UTF-8");
      response.setHeader("Content-Disposition", "attachment; filename=\"pstn-usage.csv\"");
      UsageExport.csv(report, caller(request), filter, response.getOutputStream());
      return;
    }
    if ("xlsx".equals(format)) {
      response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      response.setHeader("Content-Disposition", "attachment; filename=\"pstn-usage.xlsx\"");
      UsageExport.xlsx(report, caller(request), filter, response.getOutputStream());
      return;
    }
    var rows = report.page(caller(request), filter, Math.max(0, intParameter(request, "page", 0)), 50);
    model.put("rows", rows);
    model.put("cells", rows.items().stream().map(UsageExport::values).toList());
    model.put("headers", UsageExport.HEADERS);
    model.put("from", request.getParameter("from") == null ? "" : request.getParameter("from"));
    model.put("to", request.getParameter("to") == null ? "" : request.getParameter("to"));
    model.put("user", request.getParameter("user") == null ? "" : request.getParameter("user"));
    model.put("kind", kind == null ? "" : kind.name());
    model.put("kinds", CallKind.values());
    render(request, response, "reports/usage", model);
  }

  private static LocalDate date(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw ValidationException.of(name, "Enter dates as YYYY-MM-DD.");
    }
  }
}
