package com.commcredits.web.pages;

import com.commcredits.shared.Permission;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Reports: the list of reports the caller may open. */
@WebServlet("/reports")
public class ReportsServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected Permission permission() {
    return Permission.VIEW_REPORTS;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    render(request, response, "reports/index", model(request));
  }
}
