package com.commcredits.web.security;

import com.commcredits.access.Caller;
import com.commcredits.access.SignInService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lets a page request through only with a signed-in admin, whose caller (organisation and roles) it reads
 * afresh; everything else is sent to the sign-in page. Public paths: sign-in, static files, the API
 * (it has its own authentication), the error page.
 */
public class AdminSessionFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject SignInService signIn;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isPublic(path)) {
      chain.doFilter(request, response);
      return;
    }
    SignedInAdmin admin = SignedInAdmin.of(request);
    Optional<Caller> caller = admin == null ? Optional.empty() : signIn.callerFor(admin.adminId());
    if (caller.isEmpty()) {
      if (admin != null) {
        request.getSession().invalidate();
      }
      String next = "GET".equals(request.getMethod()) ? path
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : "/";
      response.sendRedirect(request.getContextPath() + "/sign-in?next="
          + URLEncoder.encode(next, StandardCharsets.UTF_8));
      return;
    }
    request.setAttribute(SignedInAdmin.CALLER_ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }

  static boolean isPublic(String path) {
    return path.equals("/sign-in") || path.startsWith("/static/") || path.startsWith("/api/")
        || path.equals("/error") || path.equals("/favicon.ico");
  }
}
