package com.commcredits.web.pages;

import com.commcredits.pools.PoolService;
import com.commcredits.pools.PoolView;
import com.commcredits.shared.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports > Minute pools: per country and kind, total, used and available minutes of a month, CSV
 * export (R-REP-2).
 */
@WebServlet("/reports/pools")
public class PoolsReportServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject PoolService pools;

  @Override
  protected Permission permission() {
    return Permission.VIEW_REPORTS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    YearMonth current = pools.currentMonth(caller(request));
    YearMonth month = current;
    String requested = request.getParameter("month");
    Map<String, Object> model = model(request);
    if (requested != null && !requested.isBlank()) {
      try {
        month = YearMonth.parse(requested.strip());
      } catch (DateTimeParseException e) {
        model.put("errors", Map.of("month", views().message("pools.badMonth")));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
    }
    List<PoolView> views = pools.pools(caller(request), month);
    if ("csv".equals(request.getParameter("export"))) {
      var v = views();
      try (Csv csv = Csv.download(response, "minute-pools-" + month + ".csv")) {
        csv.row(
            List.of(
                v.message("pools.col.country"),
                v.message("pools.col.kind"),
                v.message("pools.col.total"),
                v.message("pools.col.used"),
                v.message("pools.col.available"),
                v.message("pools.col.month")));
        for (PoolView p : views) {
          csv.row(
              List.of(
                  p.country(),
                  v.message("poolKind." + p.kind().name()),
                  p.totalMinutes(),
                  p.usedMinutes(),
                  p.availableMinutes(),
                  month));
        }
      }
      return;
    }
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      months.add(current.minusMonths(i));
    }
    model.put("pools", views);
    model.put("month", month.toString());
    model.put("months", months.stream().map(YearMonth::toString).toList());
    render(request, response, "reports/pools", model);
  }
}
