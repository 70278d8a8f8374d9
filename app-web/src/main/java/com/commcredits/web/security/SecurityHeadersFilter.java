package com.commcredits.web.security;

import com.commcredits.config.AppSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets the security headers on every response: no inline script, no framing, no sniffing, no
 * caching of pages. When PUBLIC_URL is https, plain HTTP is redirected there and HTTPS responses
 * carry HSTS ({@link HttpsPolicy}).
 */
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
          + "object-src 'none'";

  @Inject transient AppSettings settings;
  transient HttpsPolicy https;

  @Override
  public void init() {
    https = HttpsPolicy.of(settings.publicUrl());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String target =
        https.redirectFor(
            request.isSecure(),
            request.getContextPath(),
            request.getRequestURI(),
            request.getQueryString());
    if (target != null) {
      // 301 for reads; 308 keeps the method and body of anything else
      String method = request.getMethod();
      boolean read = "GET".equals(method) || "HEAD".equals(method);
      response.setStatus(read ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
      response.setHeader("Location", target);
      return;
    }
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (https.sendsHsts(request.isSecure())) {
      response.setHeader("Strict-Transport-Security", HttpsPolicy.HSTS);
    }
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/static/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
