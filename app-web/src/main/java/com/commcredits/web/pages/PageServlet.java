package com.commcredits.web.pages;

import com.commcredits.access.SignInService;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.BusyException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.TransientFailures;
import com.commcredits.shared.ValidationException;
import com.commcredits.web.security.Csrf;
import com.commcredits.web.security.SignedInAdmin;
import com.commcredits.web.view.Formats;
import com.commcredits.web.view.Navigation;
import com.commcredits.web.view.Views;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The base of every signed-in page: sends a visitor without a session to sign in, reads the admin's
 * caller afresh (so role changes and disabling apply at once), checks the page's permission (403
 * otherwise), turns "not found" into 404, and fills the model every template needs (caller,
 * navigation, CSRF token, flash message). A database still busy after the retries shows the
 * friendly "busy, try again" page (503).
 */
public abstract class PageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String FLASH = "flash";

  /** The permission the whole page needs. */
  protected abstract Permission permission();

  @Inject SignInService signIn;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    SignedInAdmin admin = SignedInAdmin.of(request);
    Optional<Caller> signedIn =
        admin == null ? Optional.empty() : signIn.callerFor(admin.adminId());
    if (signedIn.isEmpty()) {
      if (admin != null) {
        request.getSession().invalidate();
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String next =
          "GET".equals(request.getMethod())
              ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
              : "/";
      response.sendRedirect(
          request.getContextPath()
              + "/sign-in?next="
              + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    Caller caller = signedIn.get();
    request.setAttribute(SignedInAdmin.CALLER_ATTRIBUTE, caller);
    if (!caller.can(permission())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    try {
      super.service(request, response);
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (AccessDeniedException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    } catch (RuntimeException e) {
      if (!TransientFailures.isBusy(e) && !TransientFailures.isTransient(e)) {
        throw e;
      }
      // R-FUND-8: still busy after the retries; nothing was changed, the form may be sent again
      response.setHeader("Retry-After", String.valueOf(BusyException.RETRY_AFTER_SECONDS));
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  protected Caller caller(HttpServletRequest request) {
    return SignedInAdmin.caller(request);
  }

  protected Views views() {
    return (Views) getServletContext().getAttribute(Views.ATTRIBUTE);
  }

  /** A model with what the layout needs; the page adds its own entries. */
  protected Map<String, Object> model(HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    Caller caller = caller(request);
    model.put("caller", caller);
    SignedInAdmin admin = SignedInAdmin.of(request);
    model.put("admin", admin);
    model.put("fmt", new Formats(ZoneId.of(admin.timeZone())));
    model.put("nav", Navigation.forCaller(caller));
    model.put("path", request.getRequestURI().substring(request.getContextPath().length()));
    model.put("csrf", Csrf.token(request));
    model.put("errors", Map.of());
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(FLASH) != null) {
      model.put(FLASH, session.getAttribute(FLASH));
      session.removeAttribute(FLASH);
    }
    return model;
  }

  protected void render(
      HttpServletRequest request,
      HttpServletResponse response,
      String template,
      Map<String, Object> model)
      throws IOException {
    views().render(request, response, template, model);
  }

  /** Redirect after a successful POST, with a message shown once on the next page. */
  protected void redirect(
      HttpServletRequest request, HttpServletResponse response, String path, String flash)
      throws IOException {
    if (flash != null) {
      request.getSession().setAttribute(FLASH, flash);
    }
    response.sendRedirect(request.getContextPath() + path);
  }

  /**
   * Puts a refused form's errors (field to message) in the model; the page re-renders with status
   * 400.
   */
  protected static void rejected(
      HttpServletResponse response, Map<String, Object> model, ValidationException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : e.errors()) {
      errors.putIfAbsent(error.field(), error.message());
    }
    model.put("errors", errors);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
  }

  protected static int intParameter(HttpServletRequest request, String name, int fallback) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  protected static long idParameter(HttpServletRequest request, String name) {
    try {
      return Long.parseLong(request.getParameter(name));
    } catch (NumberFormatException | NullPointerException e) {
      throw new NotFoundException("The item");
    }
  }
}
