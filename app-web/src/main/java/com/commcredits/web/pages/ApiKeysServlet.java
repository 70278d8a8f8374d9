package com.commcredits.web.pages;

import com.commcredits.access.ApiKeyService;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Settings > API keys: list, create (the key is shown once, on this response only), revoke. */
@WebServlet("/settings/api-keys")
public class ApiKeysServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject ApiKeyService keys;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_SETTINGS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> model = model(request);
    model.put("name", "");
    model.put("chosenRoles", Set.of());
    show(request, response, model);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if ("revoke".equals(request.getParameter("action"))) {
      keys.revoke(caller(request), idParameter(request, "id"));
      redirect(request, response, "/settings/api-keys", views().message("apiKeys.revoked"));
      return;
    }
    String name = request.getParameter("name");
    Set<Role> roles = Forms.roles(request, true);
    Map<String, Object> model = model(request);
    try {
      ApiKeyService.CreatedKey created = keys.create(caller(request), name, roles);
      // shown once: rendered on this response, never stored in the session or a redirect
      model.put("created", created);
      model.put("name", "");
      model.put("chosenRoles", Set.of());
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("name", name == null ? "" : name);
      model.put("chosenRoles", roles);
    }
    show(request, response, model);
  }

  private void show(
      HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
      throws IOException {
    model.put("keys", keys.list(caller(request)));
    model.put("roles", List.of(Role.values()));
    render(request, response, "settings/api-keys", model);
  }
}
