package com.commcredits.web.security;

import java.net.URI;
import java.util.Locale;

/**
 * What PUBLIC_URL says about transport security: when it is https, the admin center is served only
 * over HTTPS (plain HTTP is redirected to the public address, keeping path and query), responses
 * over HTTPS carry HSTS and the session cookie is Secure. When it is http (the default, for the
 * demo on localhost), none of that applies: HSTS on localhost would pin every local port to HTTPS.
 */
public final class HttpsPolicy {
  static final String HSTS = "max-age=31536000";

  private final boolean required;
  private final String origin;

  private HttpsPolicy(boolean required, String origin) {
    this.required = required;
    this.origin = origin;
  }

  /** The policy of a PUBLIC_URL such as {@code https://billing.example.com}. */
  public static HttpsPolicy of(String publicUrl) {
    URI uri = URI.create(publicUrl.strip());
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    if (!https) {
      return new HttpsPolicy(false, null);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("PUBLIC_URL has no host: " + publicUrl);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    return new HttpsPolicy(true, "https://" + host + (port == -1 || port == 443 ? "" : ":" + port));
  }

  /** Whether PUBLIC_URL is https. */
  public boolean required() {
    return required;
  }

  /**
   * Where a request must go instead, or null when it may be served: only plain HTTP under an https
   * PUBLIC_URL moves, except the health checks, which load balancers probe over HTTP.
   *
   * @param secure whether the request came over HTTPS
   * @param contextPath the application's context path ("" at the root)
   * @param requestUri the path as received (still encoded), context path included
   * @param query the raw query string, or null
   */
  public String redirectFor(boolean secure, String contextPath, String requestUri, String query) {
    if (!required || secure) {
      return null;
    }
    String path = requestUri.substring(Math.min(contextPath.length(), requestUri.length()));
    if (path.equals("/health") || path.startsWith("/health/")) {
      return null;
    }
    return origin + requestUri + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /** Whether a response to a request that came over HTTPS (or not) carries HSTS. */
  public boolean sendsHsts(boolean secure) {
    return required && secure;
  }
}
