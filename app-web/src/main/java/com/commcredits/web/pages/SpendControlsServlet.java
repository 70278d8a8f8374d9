package com.commcredits.web.pages;

import com.commcredits.guard.SpendGuard;
import com.commcredits.money.Money;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Billing > Communications Credits > Spend controls: the international toll-fraud brake per rolling
 * hour and 24 hours (R-GUARD-1, R-GUARD-3), with the spend in each window now and whether it holds.
 * Turning a window off needs a confirmation.
 */
@WebServlet("/billing/spend-controls")
public class SpendControlsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject SpendGuard guard;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  /** The form as typed; blank is off. */
  public record ControlsForm(String perHour, String perDay) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    SpendGuard.BrakeView view = guard.brake(caller(request));
    model.put(
        "form",
        new ControlsForm(
            plain(view.controls().internationalPerHour(), view.currency()),
            plain(view.controls().internationalPerDay(), view.currency())));
    show(request, response, model, view);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean off = "off".equals(request.getParameter("action"));
    ControlsForm form =
        off
            ? new ControlsForm("", "")
            : new ControlsForm(
                request.getParameter("internationalPerHour"),
                request.getParameter("internationalPerDay"));
    try {
      boolean turnsOff = blank(form.perHour()) || blank(form.perDay());
      if (turnsOff && !"yes".equals(request.getParameter("confirmOff"))) {
        throw ValidationException.of("confirmOff", views().message("guard.confirmOff.required"));
      }
      guard.setControls(
          caller(request), new SpendGuard.ControlsInput(form.perHour(), null, form.perDay(), null));
      redirect(request, response, "/billing/spend-controls", views().message("guard.saved"));
    } catch (ValidationException e) {
      Map<String, Object> model = model(request);
      rejected(response, model, e);
      model.put("form", form);
      show(request, response, model, guard.brake(caller(request)));
    }
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      SpendGuard.BrakeView view)
      throws IOException {
    model.put("brake", view);
    render(request, response, "billing/spend-controls", model);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String plain(java.math.BigDecimal amount, String currency) {
    return amount == null ? "" : Money.of(amount, currency).toPlainString();
  }
}
