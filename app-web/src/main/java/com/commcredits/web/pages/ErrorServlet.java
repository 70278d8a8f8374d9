package com.commcredits.web.pages;

import com.commcredits.shared.BusyException;
import com.commcredits.shared.TransientFailures;
import com.commcredits.web.security.SignedInAdmin;
import com.commcredits.web.view.Views;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The friendly 403, 404, 500 and 503 pages: what happened and a way back, never a stack trace. */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure != null && isMissingFile(failure)) {
      status = HttpServletResponse.SC_NOT_FOUND;
    } else if (failure != null && isMalformedAddress(failure)) {
      status = HttpServletResponse.SC_BAD_REQUEST;
    } else if (failure != null
        && (TransientFailures.isBusy(failure) || TransientFailures.isTransient(failure))) {
      status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
      response.setHeader("Retry-After", String.valueOf(BusyException.RETRY_AFTER_SECONDS));
    } else if (failure != null) {
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      LOG.log(
          Level.SEVERE,
          "Unhandled error on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          failure);
    }
    String kind =
        switch (status) {
          case 403 -> "csrf".equals(request.getAttribute("errorReason")) ? "csrf" : "forbidden";
          case 400, 404, 405 -> "notFound";
          case 503 -> "busy";
          default -> status >= 500 ? "server" : "notFound";
        };
    Map<String, Object> model = new HashMap<>();
    model.put("status", status);
    model.put("kind", kind);
    model.put("signedIn", SignedInAdmin.of(request) != null);
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    ((Views) getServletContext().getAttribute(Views.ATTRIBUTE))
        .render(request, response, "error", model);
  }

  /**
   * Liberty refuses an address with encoded dots or other improper escapes (CWWWC0005I) before any
   * filter runs, as an exception: the client's mistake, not the server's.
   */
  private static boolean isMalformedAddress(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException && String.valueOf(t.getMessage()).startsWith("CWWWC0005I")) {
        return true;
      }
    }
    return false;
  }

  /** Liberty's file servlet reports an unknown path as an exception, not as a 404. */
  private static boolean isMissingFile(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileNotFoundException) {
        return true;
      }
    }
    return false;
  }
}
