package com.commcredits.web.pages;

import com.commcredits.money.Money;
import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.EaStatementService;
import com.commcredits.shared.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Billing > EA statements: per EA number, PO and month, the EA-paid fundings; a statement downloads
 * as CSV (R-PAY-3).
 */
@WebServlet("/billing/statements")
public class StatementsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject EaStatementService statements;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String ea = request.getParameter("ea");
    if (ea != null) {
      var statement =
          statements.statement(
              caller(request), ea, request.getParameter("po"), request.getParameter("month"));
      var v = views();
      String name =
          "ea-"
              + statement.eaNumber()
              + (statement.purchaseOrder() == null ? "" : "-" + statement.purchaseOrder())
              + "-"
              + statement.month()
              + ".csv";
      try (Csv csv = Csv.download(response, name.replaceAll("[^A-Za-z0-9._-]", "_"))) {
        csv.row(
            List.of(
                v.message("statements.col.date"),
                v.message("statements.col.ea"),
                v.message("statements.col.po"),
                v.message("statements.col.kind"),
                v.message("statements.col.item"),
                v.message("statements.col.amount"),
                v.message("statements.col.currency")));
        for (EaBillingLine line : statement.lines()) {
          csv.row(
              List.of(
                  line.occurredAt(),
                  line.eaNumber(),
                  line.purchaseOrder() == null ? "" : line.purchaseOrder(),
                  v.message("statements.kind." + line.kind()),
                  line.describe(),
                  Money.of(line.amount(), line.currency()).toPlainString(),
                  line.currency()));
        }
        csv.row(
            List.of(
                v.message("statements.total"),
                "",
                "",
                "",
                "",
                Money.of(statement.total(), statement.currency()).toPlainString(),
                statement.currency()));
      }
      return;
    }
    Map<String, Object> model = model(request);
    model.put("statements", statements.statements(caller(request)));
    render(request, response, "billing/statements", model);
  }
}
