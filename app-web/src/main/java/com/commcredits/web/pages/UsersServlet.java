package com.commcredits.web.pages;

import com.commcredits.directory.DirectoryService;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.UserSort;
import com.commcredits.guard.SpendCaps;
import com.commcredits.licensing.LicensingService;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.subscription.SubscriptionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Users > Active users: search and page the directory, add a user, export the list as CSV. */
@WebServlet("/users")
public class UsersServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int PAGE_SIZE = 25;

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
    String query = request.getParameter("q");
    if ("csv".equals(request.getParameter("export"))) {
      export(request, response, query);
      return;
    }
    Map<String, Object> model = model(request);
    model.put("form", new DirectoryService.NewUser("", "", ""));
    show(request, response, model, query);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var command =
        new DirectoryService.NewUser(
            request.getParameter("displayName"),
            request.getParameter("upn"),
            request.getParameter("usageLocation"));
    try {
      DirectoryUser user = directory.add(caller(request), command);
      redirect(request, response, "/users", views().message("users.added", user.upn()));
    } catch (ValidationException e) {
      Map<String, Object> model = model(request);
      model.put("form", command);
      model.put("showAdd", true);
      rejected(response, model, e);
      show(request, response, model, null);
    }
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      Map<String, Object> model,
      String query)
      throws IOException {
    int page = Math.max(0, intParameter(request, "page", 0));
    UserSort sort = UserSort.parse(request.getParameter("sort"));
    Page<DirectoryUser> users = directory.search(caller(request), query, sort, page, PAGE_SIZE);
    model.put("sort", sort.name());
    model.put("users", users);
    model.put(
        "licences",
        licensing.licencesOf(
            caller(request), users.items().stream().map(DirectoryUser::id).toList()));
    model.put("products", subscriptions.catalog());
    if (SpendCaps.mayRead(caller(request))) {
      Map<Long, SpendCaps.UserGuard> caps = this.caps.userGuards(caller(request), users.items());
      model.put("caps", caps);
      model.put("maySetCaps", SpendCaps.maySet(caller(request)));
      model.put(
          "capsCurrency",
          caps.values().stream().findFirst().map(SpendCaps.UserGuard::currency).orElse(""));
    }
    model.put("q", query == null ? "" : query);
    render(request, response, "users/list", model);
  }

  private void export(HttpServletRequest request, HttpServletResponse response, String query)
      throws IOException {
    var views = views();
    try (Csv csv = Csv.download(response, "active-users.csv")) {
      csv.row(
          List.of(
              views.message("users.col.name"),
              views.message("users.col.upn"),
              views.message("users.col.location"),
              views.message("users.col.state")));
      int page = 0;
      Page<DirectoryUser> chunk;
      do {
        chunk = directory.search(caller(request), query, page++, 500);
        for (DirectoryUser u : chunk.items()) {
          csv.row(List.of(u.displayName(), u.upn(), u.usageLocation(), u.state()));
        }
      } while (chunk.hasNext());
    }
  }
}
