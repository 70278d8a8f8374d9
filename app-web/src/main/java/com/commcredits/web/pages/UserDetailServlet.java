package com.commcredits.web.pages;

import com.commcredits.directory.DirectoryService;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.guard.SpendCaps;
import com.commcredits.licensing.LicensingService;
import com.commcredits.money.Money;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.subscription.SubscriptionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Users > Active users > a user: edit name and usage location, block or unblock, delete (only
 * without licences), Product licences with one toggle per product (R-ORG-2, R-LIC-1, R-LIC-2), and
 * the user's monthly spend caps beside this month's spend (R-GUARD-1).
 */
@WebServlet("/users/detail")
public class UserDetailServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject DirectoryService directory;
  @Inject LicensingService licensing;
  @Inject SubscriptionService subscriptions;
  @Inject SpendCaps caps;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_USERS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    DirectoryUser user = directory.get(caller(request), request.getParameter("upn"));
    model.put(
        "form", new DirectoryService.NewUser(user.displayName(), user.upn(), user.usageLocation()));
    show(request, response, model, user);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String upn = request.getParameter("upn");
    DirectoryUser user = directory.get(caller(request), upn);
    String action = request.getParameter("action");
    String back = "/users/detail?upn=" + URLEncoder.encode(user.upn(), StandardCharsets.UTF_8);
    Map<String, Object> model = model(request);
    model.put(
        "form", new DirectoryService.NewUser(user.displayName(), user.upn(), user.usageLocation()));
    try {
      switch (action == null ? "" : action) {
        case "edit" -> {
          model.put(
              "form",
              new DirectoryService.NewUser(
                  request.getParameter("displayName"),
                  user.upn(),
                  request.getParameter("usageLocation")));
          directory.edit(
              caller(request),
              upn,
              request.getParameter("displayName"),
              request.getParameter("usageLocation"));
          redirect(request, response, back, views().message("userDetail.saved"));
        }
        case "licences" -> {
          Map<String, Boolean> toggles = new LinkedHashMap<>();
          for (String sku :
              request.getParameterValues("offered") == null
                  ? new String[0]
                  : request.getParameterValues("offered")) {
            toggles.put(sku, request.getParameter("licence_" + sku) != null);
          }
          licensing.change(caller(request), List.of(upn), toggles);
          redirect(request, response, back, views().message("userDetail.licencesSaved"));
        }
        case "spendCaps" -> {
          model.put(
              "capsForm",
              new CapsForm(
                  request.getParameter("monthly"), request.getParameter("internationalMonthly")));
          caps.setLimit(
              caller(request),
              upn,
              new SpendCaps.LimitInput(
                  request.getParameter("monthly"),
                  null,
                  request.getParameter("internationalMonthly"),
                  null));
          redirect(request, response, back, views().message("userDetail.capsSaved"));
        }
        case "block", "unblock" -> {
          directory.setBlocked(caller(request), upn, "block".equals(action));
          redirect(
              request,
              response,
              back,
              views()
                  .message("block".equals(action) ? "userDetail.blocked" : "userDetail.unblocked"));
        }
        case "delete" -> {
          directory.delete(caller(request), upn);
          redirect(request, response, "/users", views().message("userDetail.deleted", user.upn()));
        }
        default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("problem", e.getMessage());
      show(request, response, model, directory.get(caller(request), upn));
    }
  }

  /** The spend caps form as typed (blank: no cap). */
  public record CapsForm(String monthly, String internationalMonthly) {}

  private static String plain(java.math.BigDecimal amount, String currency) {
    return amount == null ? "" : Money.of(amount, currency).toPlainString();
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      DirectoryUser user)
      throws IOException {
    Set<String> held = licensing.licencesOf(caller(request), user.upn());
    model.put("user", user);
    model.put("held", held);
    model.put("products", subscriptions.catalog());
    model.put("usage", licensing.usage(caller(request).organisationId()));
    if (SpendCaps.mayRead(caller(request))) {
      SpendCaps.UserGuard guard = caps.userGuard(caller(request), user.upn());
      model.put("guard", guard);
      model.put("maySetCaps", SpendCaps.maySet(caller(request)));
      model.putIfAbsent(
          "capsForm",
          new CapsForm(
              plain(guard.limit().monthly(), guard.currency()),
              plain(guard.limit().internationalMonthly(), guard.currency())));
    }
    render(request, response, "users/detail", model);
  }
}
