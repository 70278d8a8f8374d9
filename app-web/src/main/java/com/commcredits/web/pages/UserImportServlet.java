package com.commcredits.web.pages;

import com.commcredits.directory.DirectoryService;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Users > Active users > Add multiple users: a CSV file with the columns DisplayName, UPN,
 * UsageLocation. Every row is checked first; if any is refused, the page lists each refused row and
 * adds nobody.
 */
@WebServlet("/users/import")
@MultipartConfig(maxFileSize = 2 * 1024 * 1024, maxRequestSize = 3 * 1024 * 1024)
public class UserImportServlet extends PageServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_ROWS = 5000;

  @Inject DirectoryService directory;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_USERS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    render(request, response, "users/import", model(request));
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    Map<String, Object> model = model(request);
    try {
      // a form sent without its file part (not multipart) is a missing file, not a server error
      String type = request.getContentType();
      Part file =
          type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
              ? request.getPart("file")
              : null;
      if (file == null || file.getSize() == 0) {
        throw ValidationException.of("file", views().message("import.noFile"));
      }
      List<DirectoryService.NewUser> rows = parse(file);
      int added = directory.importUsers(caller(request), rows);
      redirect(request, response, "/users", views().message("import.done", added));
    } catch (ValidationException e) {
      rejected(response, model, e);
      model.put("rowErrors", e.errors());
      render(request, response, "users/import", model);
    }
  }

  private List<DirectoryService.NewUser> parse(Part file) throws IOException {
    List<List<String>> lines;
    try (InputStreamReader reader =
        new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      lines = CsvReader.read(reader, MAX_ROWS + 1);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("file", e.getMessage());
    }
    if (lines.isEmpty()) {
      throw ValidationException.of("file", views().message("import.empty"));
    }
    List<String> header =
        lines.get(0).stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(" ", ""))
            .toList();
    int name = header.indexOf("displayname");
    int upn = header.indexOf("upn");
    int location = header.indexOf("usagelocation");
    if (name < 0 || upn < 0 || location < 0) {
      throw ValidationException.of("file", views().message("import.header"));
    }
    if (lines.size() > MAX_ROWS + 1) {
      throw ValidationException.of("file", views().message("import.tooMany", MAX_ROWS));
    }
    List<DirectoryService.NewUser> rows = new ArrayList<>();
    for (List<String> line : lines.subList(1, lines.size())) {
      if (line.stream().allMatch(String::isBlank)) {
        continue;
      }
      rows.add(
          new DirectoryService.NewUser(cell(line, name), cell(line, upn), cell(line, location)));
    }
    return rows;
  }

  private static String cell(List<String> line, int index) {
    return index < line.size() ? line.get(index).strip() : "";
  }
}
