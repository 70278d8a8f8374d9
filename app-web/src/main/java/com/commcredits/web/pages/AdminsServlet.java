package com.commcredits.web.pages;

import com.commcredits.access.AdminAccount;
import com.commcredits.access.AdminService;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** Settings > Admins: the organisation's admin accounts; add one, change roles, disable, unlock. */
@WebServlet("/settings/admins")
public class AdminsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject AdminService admins;
  @Inject Clock clock;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_SETTINGS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    model.put("form", new AdminService.NewAdmin("", "", Set.of(), ""));
    show(request, response, model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getParameter("action");
    if ("change".equals(action) || "unlock".equals(action)) {
      long id = idParameter(request, "id");
      try {
        if ("unlock".equals(action)) {
          admins.unlock(caller(request), id);
        } else {
          admins.change(
              caller(request),
              id,
              Forms.roles(request, false),
              request.getParameter("enabled") != null);
        }
        redirect(request, response, "/settings/admins", views().message("admins.changed"));
      } catch (ValidationException e) {
        Map<String, Object> model = model(request);
        model.put("form", new AdminService.NewAdmin("", "", Set.of(), ""));
        model.put("rowError", e.getMessage());
        model.put("rowId", id);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        show(request, response, model);
      }
      return;
    }
    var command =
        new AdminService.NewAdmin(
            request.getParameter("email"),
            request.getParameter("displayName"),
            Forms.roles(request, false),
            request.getParameter("password"));
    try {
      AdminAccount created = admins.create(caller(request), command);
      redirect(
          request, response, "/settings/admins", views().message("admins.added", created.email()));
    } catch (ValidationException e) {
      Map<String, Object> model = model(request);
      model.put(
          "form",
          new AdminService.NewAdmin(command.email(), command.displayName(), command.roles(), ""));
      model.put("showAdd", true);
      rejected(response, model, e);
      show(request, response, model);
    }
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    model.put("admins", admins.list(caller(request)));
    model.put("roles", Arrays.stream(Role.values()).filter(Role::isAdminRole).toList());
    model.put("now", clock.instant());
    render(request, response, "settings/admins", model);
  }
}
