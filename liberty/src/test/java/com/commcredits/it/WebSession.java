package com.commcredits.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the admin center: keeps cookies, remembers the last CSRF
 * token a page carried and sends it with forms, and does not follow redirects so tests can see
 * them.
 */
public final class WebSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final URI base;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private String csrf;
  private String clientAddress;

  public WebSession(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** A download as bytes (an Excel file, say), with the session's cookies. */
  public byte[] getBytes(String path) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray())
          .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  /**
   * Posts a form with the session's CSRF token (fetched from the sign-in page if none was seen
   * yet).
   */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    if (csrf == null) {
      get("sign-in");
    }
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.putIfAbsent("_csrf", csrf);
    return postRaw(path, withToken);
  }

  /** Posts exactly these fields: no CSRF token is added. */
  public HttpResponse<String> postRaw(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Uploads one file as multipart/form-data, the CSRF token a field of the body as the page's. */
  public HttpResponse<String> upload(String path, String field, String filename, String content) {
    if (csrf == null) {
      get("sign-in");
    }
    String boundary = "----cc" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: text/csv\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> signIn(String email, String password) {
    get("sign-in");
    return post("sign-in", Map.of("email", email, "password", password));
  }

  /** Signs in and checks it worked. */
  public WebSession signedIn(String email) {
    HttpResponse<String> response = signIn(email, Fixtures.PASSWORD);
    if (response.statusCode() != 302) {
      throw new AssertionError("Sign-in of " + email + " failed: " + response.statusCode());
    }
    get("");
    return this;
  }

  /**
   * Sends every request as if from this client address, through a trusted proxy (the server trusts
   * X-Forwarded-For from loopback): the per-address sign-in throttle sees distinct clients.
   */
  public WebSession from(String address) {
    this.clientAddress = address;
    return this;
  }

  public String csrf() {
    return csrf;
  }

  /** The value of a cookie the server set, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private URI resolve(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      if (clientAddress != null) {
        request.header("X-Forwarded-For", clientAddress);
      }
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
