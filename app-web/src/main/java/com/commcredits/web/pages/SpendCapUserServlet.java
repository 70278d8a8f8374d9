package com.commcredits.web.pages;

import com.commcredits.guard.SpendCaps;
import com.commcredits.money.Money;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Billing > Spend caps > a user (R-GUARD-1): the user's monthly and international caps beside this
 * month's spend and minutes, set or cleared by Global and Billing admins, read by User admins. Only
 * the caps: a Billing admin reaches no licences, blocking or other user management here. Another
 * organisation's user is 404; a refused form changes nothing and shows the messages by the fields.
 */
@WebServlet("/billing/spend-caps/user")
public class SpendCapUserServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject SpendCaps caps;

  /** Home's permission; the caps' readers are checked on every request (Reports readers: 403). */
  @Override
  protected Permission permission() {
    return Permission.VIEW_HOME;
  }

  /** The form as typed (blank: no cap). */
  public record CapsForm(String monthly, String internationalMonthly) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SpendCapsServlet.requireRead(request);
    SpendCaps.UserGuard guard = caps.userGuard(caller(request), request.getParameter("upn"));
    Map<String, Object> model = model(request);
    model.put(
        "capsForm",
        new CapsForm(
            plain(guard.limit().monthly(), guard.currency()),
            plain(guard.limit().internationalMonthly(), guard.currency())));
    show(request, response, model, guard);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SpendCapsServlet.requireRead(request);
    // the user first: another organisation's user is 404 whatever the form holds
    SpendCaps.UserGuard before = caps.userGuard(caller(request), request.getParameter("upn"));
    String upn = before.user().upn();
    CapsForm form =
        "clear".equals(request.getParameter("action"))
            ? new CapsForm("", "")
            : new CapsForm(
                request.getParameter("monthly"), request.getParameter("internationalMonthly"));
    try {
      caps.setLimit(
          caller(request),
          upn,
          new SpendCaps.LimitInput(form.monthly(), null, form.internationalMonthly(), null));
      redirect(
          request,
          response,
          "/billing/spend-caps/user?upn=" + URLEncoder.encode(upn, StandardCharsets.UTF_8),
          views().message("userDetail.capsSaved"));
    } catch (ValidationException e) {
      Map<String, Object> model = model(request);
      rejected(response, model, e);
      model.put("capsForm", form);
      show(request, response, model, before);
    }
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      SpendCaps.UserGuard guard)
      throws IOException {
    model.put("guard", guard);
    model.put("maySetCaps", SpendCaps.maySet(caller(request)));
    model.put("mayManageUsers", caller(request).can(Permission.MANAGE_USERS));
    render(request, response, "billing/spend-cap-user", model);
  }

  private static String plain(BigDecimal amount, String currency) {
    return amount == null ? "" : Money.of(amount, currency).toPlainString();
  }
}
