package com.commcredits.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses every state-changing page request without the session's CSRF token (403). The JSON API is
 * exempt: it authenticates with a bearer key, never with the session cookie.
 */
public class CsrfFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // the servlet path is decoded and normalised: "/api/../users" or "/%61pi/x" cannot pass as API
    String servletPath = request.getServletPath();
    boolean api = servletPath.equals("/api") || servletPath.startsWith("/api/");
    if (!SAFE.contains(request.getMethod()) && !api && !Csrf.isValid(request)) {
      request.setAttribute("errorReason", "csrf");
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
