package com.commcredits.web.pages;

import com.commcredits.licensing.LicensingService;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product licences for the users selected on Active users: per product assign, remove or leave as
 * is, all or nothing.
 */
@WebServlet("/users/licences")
public class UserLicencesServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject LicensingService licensing;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_USERS;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] selected = request.getParameterValues("selected");
    List<String> upns = selected == null ? List.of() : Arrays.asList(selected);
    Map<String, Boolean> toggles = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith("sku_") && values.length > 0 && !values[0].isBlank()) {
                toggles.put(name.substring(4), "assign".equals(values[0]));
              }
            });
    try {
      if (toggles.isEmpty()) {
        throw ValidationException.of("licences", views().message("users.bulk.nothing"));
      }
      licensing.change(caller(request), upns, toggles);
      redirect(request, response, "/users", views().message("users.bulk.done", upns.size()));
    } catch (ValidationException e) {
      redirect(request, response, "/users", views().message("users.bulk.refused", e.getMessage()));
    }
  }
}
