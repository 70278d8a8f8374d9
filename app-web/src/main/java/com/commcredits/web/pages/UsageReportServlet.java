package com.commcredits.web.pages;

import com.commcredits.dispute.Disputes;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Dates;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.web.view.StackedBars;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Reports > PSTN usage: every rated call with its funding; filters, newer/older pages, CSV and
 * Excel export (R-REP-1), and the spend by call type over the period as a chart with its series as
 * CSV (R-REP-3).
 */
@WebServlet("/reports/pstn-usage")
public class UsageReportServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final String[] FILTERS = {"from", "to", "user", "kind"};

  @Inject UsageReport report;
  @Inject Disputes disputes;

  @Override
  protected Permission permission() {
    return Permission.VIEW_REPORTS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    UsageFilter filter;
    try {
      filter = filter(report, caller(request), request);
    } catch (ValidationException e) {
      rejected(response, model, e);
      filter = report.filter(caller(request), null, null, null, null);
    }
    String format = request.getParameter("export");
    if ("spend".equals(format)) {
      UsageExport.spendCsv(report.spendByKind(caller(request), filter), response);
      return;
    }
    if ("csv".equals(format) || "xlsx".equals(format)) {
      download(report, caller(request), filter, format, response);
      return;
    }
    // keyset pages (newer/older by call): a deep page costs what the first does (issue 15)
    var rows =
        report.page(
            caller(request), filter, cursor(request, "before"), cursor(request, "after"), 50);
    model.put("rows", rows);
    model.put("cells", rows.items().stream().map(UsageExport::values).toList());
    model.put("headers", UsageExport.HEADERS);
    // R-DISPUTE-6: each call's dispute state, and whether this admin may dispute
    model.put(
        "disputes",
        disputes.forCalls(
            caller(request), rows.items().stream().map(r -> r.call().callId()).toList()));
    model.put("canDispute", caller(request).can(Permission.MANAGE_BILLING));
    for (String name : FILTERS) {
      model.put(name, request.getParameter(name) == null ? "" : request.getParameter(name));
    }
    model.put("kinds", CallKind.values());
    model.put("spend", StackedBars.of(report.spendByKind(caller(request), filter)));
    String query = query(request);
    model.put("pageUrl", "/reports/pstn-usage" + (query.isEmpty() ? "" : "?" + query));
    model.put(
        "spendCsv",
        request.getContextPath()
            + "/reports/pstn-usage?"
            + query
            + (query.isEmpty() ? "" : "&")
            + "export=spend");
    render(request, response, "reports/usage", model);
  }

  /** The report's filter from the request's parameters (dates of the organisation's calendar). */
  static UsageFilter filter(UsageReport report, Caller caller, HttpServletRequest request) {
    String kindText = request.getParameter("kind");
    CallKind kind =
        Arrays.stream(CallKind.values())
            .filter(k -> k.name().equals(kindText))
            .findFirst()
            .orElse(null);
    return report.filter(
        caller, date(request, "from"), date(request, "to"), request.getParameter("user"), kind);
  }

  /** The filter's parameters as a query string, encoded. */
  static String query(HttpServletRequest request) {
    StringBuilder q = new StringBuilder();
    for (String name : FILTERS) {
      String v = request.getParameter(name);
      if (v != null && !v.isBlank()) {
        q.append(q.isEmpty() ? "" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return q.toString();
  }

  /** Streams the filter's rows as CSV or Excel straight to the response. */
  static void download(
      UsageReport report,
      Caller caller,
      UsageFilter filter,
      String format,
      HttpServletResponse response)
      throws IOException {
    response.setContentType(contentType(format));
    response.setHeader("Content-Disposition", "attachment; filename=\"pstn-usage." + format + "\"");
    if ("xlsx".equals(format)) {
      UsageExport.xlsx(report, caller, filter, response.getOutputStream());
    } else {
      UsageExport.csv(report, caller, filter, response.getOutputStream());
    }
  }

  static String contentType(String format) {
    return "xlsx".equals(format)
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv;charset=UTF-8";
  }

  /** A call record id from the pager's links; anything else is no cursor (the newest page). */
  private static Long cursor(HttpServletRequest request, String name) {
    try {
      String value = request.getParameter(name);
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(HttpServletRequest request, String name) {
    try {
      return Dates.parse(request.getParameter(name));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(name, "Enter dates as YYYY-MM-DD.");
    }
  }
}
