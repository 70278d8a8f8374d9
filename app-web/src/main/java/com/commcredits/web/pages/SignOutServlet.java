package com.commcredits.web.pages;

import com.commcredits.access.SignInService;
import com.commcredits.web.security.SignedInAdmin;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Signs out (POST with the CSRF token, so no other site can sign an admin out). */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject SignInService signIn;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SignedInAdmin admin = SignedInAdmin.of(request);
    if (admin != null) {
      signIn.callerFor(admin.adminId()).ifPresent(signIn::signedOut);
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + "/sign-in?signedOut");
  }
}
