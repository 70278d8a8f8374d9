package com.commcredits.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When PUBLIC_URL is https, plain HTTP is redirected there (path and query kept, health checks left
 * alone), HTTPS responses carry HSTS and the session cookie is Secure; with the default http
 * PUBLIC_URL nothing moves and no HSTS pins localhost.
 */
class SecurityHeadersFilterTest {

  /** What the filter did to one request. */
  private static final class Outcome {
    Integer status;
    final Map<String, String> headers = new HashMap<>();
    boolean passedOn;
  }

  private static Outcome run(
      String publicUrl, boolean secure, String method, String uri, String query) throws Exception {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    filter.https = HttpsPolicy.of(publicUrl);
    Outcome outcome = new Outcome();
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) ->
                    switch (m.getName()) {
                      case "isSecure" -> secure;
                      case "getScheme" -> secure ? "https" : "http";
                      case "getMethod" -> method;
                      case "getContextPath" -> "";
                      case "getRequestURI" -> uri;
                      case "getQueryString" -> query;
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                  switch (m.getName()) {
                    case "setStatus" -> outcome.status = (Integer) args[0];
                    case "setHeader" -> outcome.headers.put((String) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(m.getName());
                  }
                  return null;
                });
    filter.doFilter(request, response, (req, res) -> outcome.passedOn = true);
    return outcome;
  }

  @Test
  void under_an_https_public_url_plain_http_is_redirected_keeping_path_and_query()
      throws Exception {
    Outcome get =
        run("https://Billing.Example.com", false, "GET", "/users/detail", "upn=a%40b.c&page=2");
    assertEquals(301, get.status);
    assertEquals(
        "https://billing.example.com/users/detail?upn=a%40b.c&page=2", get.headers.get("Location"));
    assertFalse(get.passedOn, "nothing is served over plain HTTP");
    assertNull(get.headers.get("Strict-Transport-Security"), "HSTS only over HTTPS");

    Outcome post = run("https://billing.example.com:8443/", false, "POST", "/sign-in", null);
    assertEquals(308, post.status, "a POST keeps its method and body");
    assertEquals("https://billing.example.com:8443/sign-in", post.headers.get("Location"));

    Outcome root = run("https://billing.example.com:443", false, "HEAD", "/", "");
    assertEquals("https://billing.example.com/", root.headers.get("Location"));
  }

  @Test
  void health_checks_are_not_redirected() throws Exception {
    for (String path : new String[] {"/health", "/health/ready", "/health/live"}) {
      Outcome health = run("https://billing.example.com", false, "GET", path, null);
      assertNull(health.status, path);
      assertTrue(health.passedOn, path);
    }
    Outcome lookalike = run("https://billing.example.com", false, "GET", "/healthy", null);
    assertEquals(301, lookalike.status, "only the health checks");
  }

  @Test
  void under_an_https_public_url_https_responses_carry_hsts() throws Exception {
    Outcome secure = run("https://billing.example.com", true, "GET", "/billing/credits", null);
    assertTrue(secure.passedOn);
    assertNull(secure.status);
    assertEquals("max-age=31536000", secure.headers.get("Strict-Transport-Security"));
    assertEquals("nosniff", secure.headers.get("X-Content-Type-Options"));
  }

  @Test
  void under_the_default_http_public_url_nothing_is_redirected_and_no_hsts_is_sent()
      throws Exception {
    Outcome plain = run("http://localhost:9080", false, "GET", "/users", "q=a");
    assertTrue(plain.passedOn);
    assertNull(plain.status);
    assertNull(plain.headers.get("Location"));
    assertNull(plain.headers.get("Strict-Transport-Security"));
    assertEquals(SecurityHeadersFilter.CSP, plain.headers.get("Content-Security-Policy"));

    Outcome localTls = run("http://localhost:9080", true, "GET", "/users", null);
    assertTrue(localTls.passedOn);
    assertNull(
        localTls.headers.get("Strict-Transport-Security"),
        "HSTS on localhost would pin the demo's plain HTTP port to HTTPS");
  }

  @Test
  void the_session_cookie_is_secure_only_under_an_https_public_url() {
    assertTrue(secureCookieAfterStart("https://billing.example.com"));
    assertFalse(secureCookieAfterStart("http://localhost:9080"));
  }

  private static boolean secureCookieAfterStart(String publicUrl) {
    boolean[] secure = {false};
    SessionCookieConfig cookie =
        (SessionCookieConfig)
            Proxy.newProxyInstance(
                SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("setSecure")) {
                    secure[0] = (Boolean) args[0];
                    return null;
                  }
                  throw new UnsupportedOperationException(m.getName());
                });
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("getSessionCookieConfig")) {
                    return cookie;
                  }
                  throw new UnsupportedOperationException(m.getName());
                });
    SecureSessionCookie.apply(HttpsPolicy.of(publicUrl), context);
    return secure[0];
  }
}
