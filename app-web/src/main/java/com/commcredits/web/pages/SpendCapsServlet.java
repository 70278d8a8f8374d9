package com.commcredits.web.pages;

import com.commcredits.guard.SpendCaps;
import com.commcredits.money.Money;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.web.security.SignedInAdmin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billing > Spend caps (R-GUARD-1): the organisation's users, searched and paged, with each one's
 * monthly and international caps beside this month's spend and minutes; the same caps for the
 * selected users at once; the list as CSV. Global and Billing admins change caps (a user's name
 * opens that user's caps), User admins read them; nobody gains user management here. Every page is
 * a bounded page read in a fixed number of queries.
 */
@WebServlet("/billing/spend-caps")
public class SpendCapsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 50;
  private static final int EXPORT_CHUNK = SpendCaps.MAX_BULK;

  @Inject SpendCaps caps;

  /** Home's permission; the caps' readers are checked on every request (Reports readers: 403). */
  @Override
  protected Permission permission() {
    return Permission.VIEW_HOME;
  }

  /** The bulk form as typed (blank: no cap). */
  public record BulkForm(String monthly, String internationalMonthly) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    requireRead(request);
    String query = request.getParameter("q");
    if ("csv".equals(request.getParameter("export"))) {
      export(request, response, query);
      return;
    }
    Map<String, Object> model = model(request);
    model.put("bulk", new BulkForm("", ""));
    model.put("selected", Set.of());
    show(request, response, model, query, Math.max(0, intParameter(request, "page", 0)));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] chosen = request.getParameterValues("selected");
    List<String> upns = chosen == null ? List.of() : Arrays.asList(chosen);
    String query = request.getParameter("q");
    int page = Math.max(0, intParameter(request, "page", 0));
    BulkForm form =
        new BulkForm(request.getParameter("monthly"), request.getParameter("internationalMonthly"));
    try {
      int changed =
          caps.setLimits(
              caller(request),
              upns,
              new SpendCaps.LimitInput(form.monthly(), null, form.internationalMonthly(), null));
      redirect(
          request, response, listPath(query, page), views().message("users.caps.done", changed));
    } catch (ValidationException e) {
      Map<String, Object> model = model(request);
      rejected(response, model, e);
      model.put("bulk", form);
      model.put("selected", Set.copyOf(upns));
      show(request, response, model, query, page);
    }
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      String query,
      int page)
      throws IOException {
    Page<SpendCaps.UserGuard> users = caps.list(caller(request), query, page, PAGE_SIZE);
    model.put("users", users);
    model.put("q", query == null ? "" : query);
    model.put("maySetCaps", SpendCaps.maySet(caller(request)));
    model.put("mayManageUsers", caller(request).can(Permission.MANAGE_USERS));
    model.put(
        "capsCurrency",
        users.items().stream().findFirst().map(SpendCaps.UserGuard::currency).orElse(""));
    render(request, response, "billing/spend-caps", model);
  }

  private void export(HttpServletRequest request, HttpServletResponse response, String query)
      throws IOException {
    var views = views();
    try (Csv csv = Csv.download(response, "spend-caps.csv")) {
      csv.row(
          List.of(
              views.message("users.col.name"),
              views.message("users.col.upn"),
              views.message("caps.col.currency"),
              views.message("field.monthlyCap"),
              views.message("field.internationalMonthlyCap"),
              views.message("userDetail.caps.spent"),
              views.message("userDetail.caps.internationalSpent"),
              views.message("userDetail.caps.minutes"),
              views.message("caps.col.calls")));
      int page = 0;
      Page<SpendCaps.UserGuard> chunk;
      do {
        chunk = caps.list(caller(request), query, page++, EXPORT_CHUNK);
        for (SpendCaps.UserGuard g : chunk.items()) {
          csv.row(
              Arrays.asList(
                  g.user().displayName(),
                  g.user().upn(),
                  g.currency(),
                  amount(g.limit().monthly(), g.currency()),
                  amount(g.limit().internationalMonthly(), g.currency()),
                  amount(g.thisMonth().spend(), g.currency()),
                  amount(g.thisMonth().internationalSpend(), g.currency()),
                  g.thisMonth().minutes(),
                  g.thisMonth().calls()));
        }
      } while (chunk.hasNext());
    }
  }

  /** The amount at the currency's own decimals; no cap is an empty cell. */
  private static BigDecimal amount(BigDecimal amount, String currency) {
    return amount == null ? null : Money.of(amount, currency).amount();
  }

  static void requireRead(HttpServletRequest request) {
    if (!SpendCaps.mayRead(SignedInAdmin.caller(request))) {
      throw new AccessDeniedException("Only Global, Billing and User admins read spend caps.");
    }
  }

  private static String listPath(String query, int page) {
    StringBuilder path = new StringBuilder("/billing/spend-caps?page=").append(page);
    if (query != null && !query.isBlank()) {
      path.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    }
    return path.toString();
  }
}
