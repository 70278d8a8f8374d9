package com.commcredits.web.pages;

import com.commcredits.shared.BusyException;
import com.commcredits.shared.TransientFailures;
import com.commcredits.web.security.SignedInAdmin;
import com.commcredits.web.view.Views;
import jakarta.json.Json;
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
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
      problem(response, status);
      return;
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
   * An API address that the container refused before the API saw it (an improperly escaped path,
   * say) still answers a problem document (RFC 9457), as every API error does.
   */
  private static void problem(HttpServletResponse response, int status) throws IOException {
    String detail =
        switch (status) {
          case 400 -> "The address is not valid.";
          case 404 -> "There is no such resource.";
          case 503 -> "The service is busy; nothing was changed. Try again in a moment.";
          default -> status >= 500 ? "Something went wrong on our side; it has been logged." : "";
        };
    response.setStatus(status);
    response.setContentType("application/problem+json;charset=UTF-8");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("type", "about:blank")
                .add(
                    "title",
                    switch (status) {
                      case 400 -> "Bad Request";
                      case 403 -> "Forbidden";
                      case 404 -> "Not Found";
                      case 405 -> "Method Not Allowed";
                      case 503 -> "Service Unavailable";
                      default -> status >= 500 ? "Internal Server Error" : "Client Error";
                    })
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString());
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
