package com.commcredits.web.pages;

import com.commcredits.access.SignInOutcome;
import com.commcredits.access.SignInService;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.shared.Caller;
import com.commcredits.web.security.Csrf;
import com.commcredits.web.security.SignedInAdmin;
import com.commcredits.web.view.Views;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in form (email and password) and its outcome: signed in, wrong, or locked for a while.
 */
@WebServlet("/sign-in")
public class SignInServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject SignInService signIn;
  @Inject OrganisationService organisations;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (SignedInAdmin.of(request) != null) {
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    show(request, response, null, null, "", HttpServletResponse.SC_OK);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String email = request.getParameter("email");
    String password = request.getParameter("password");
    SignInOutcome outcome =
        signIn.signIn(
            email,
            password == null ? new char[0] : password.toCharArray(),
            request.getRemoteAddr());
    Views views = (Views) getServletContext().getAttribute(Views.ATTRIBUTE);
    switch (outcome.status()) {
      case SIGNED_IN -> {
        Caller caller = signIn.callerFor(outcome.adminId()).orElseThrow();
        HttpSession session = request.getSession();
        request.changeSessionId();
        Csrf.renew(session);
        var organisation = organisations.current(caller);
        session.setAttribute(
            SignedInAdmin.SESSION_ATTRIBUTE,
            new SignedInAdmin(
                outcome.adminId(),
                email.strip(),
                organisation.name(),
                organisation.timeZone().getId()));
        response.sendRedirect(request.getContextPath() + safeNext(request.getParameter("next")));
      }
      // a locked, unknown or throttled account gets the same answer as a wrong password
      default ->
          show(
              request,
              response,
              views.message("signIn.invalid"),
              request.getParameter("next"),
              email,
              HttpServletResponse.SC_UNAUTHORIZED);
    }
  }

  private void show(
      HttpServletRequest request,
      HttpServletResponse response,
      String error,
      String next,
      String email,
      int status)
      throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("csrf", Csrf.token(request));
    model.put("error", error);
    model.put("email", email == null ? "" : email);
    model.put("next", safeNext(next != null ? next : request.getParameter("next")));
    response.setStatus(status);
    ((Views) getServletContext().getAttribute(Views.ATTRIBUTE))
        .render(request, response, "sign-in", model);
  }

  /** Only a local path: never an open redirect to another site. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.startsWith("/sign-in")
        || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/";
    }
    return next;
  }
}
