package com.commcredits.it;

import com.commcredits.shared.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls /api/v1 with an API key, as the telephony platform or an admin's tool would. */
public final class ApiClient {
  private final URI base;
  private final HttpClient client =
      // HTTP/1.1, as the telephony platform posts: over cleartext, Liberty's h2c upgrade of
      // several concurrent POSTs with bodies sometimes ends in GOAWAY or a request that never
      // answers (seen in ReceiptsIT and SpendGuardIT; README, "Known limits")
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public ApiClient(URI applicationBase) {
    this.base = applicationBase.resolve("api/v1/");
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonStructure any() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  public Reply get(String path, String key) {
    return send(request(path, key).GET());
  }

  public Reply post(String path, String key, String json) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A POST with an Idempotency-Key header. */
  public Reply post(String path, String key, String idempotencyKey, String json) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * A manual credit or debit of the organisation's wallet by the operator (R-FUND-12): the only way
   * tests add or remove money by hand. Fails the test unless it is recorded (201).
   */
  public Reply operatorAdjust(
      Fixtures.TestOrg tenant, String direction, String amount, String reason) {
    Reply reply =
        post(
            "operator/organisations/" + tenant.id() + "/wallet/adjustments",
            Fixtures.operator().key(Role.GLOBAL_ADMIN),
            UUID.randomUUID().toString(),
            "{\"direction\":\""
                + direction
                + "\",\"amount\":{\"amount\":\""
                + amount
                + "\",\"currency\":\""
                + Fixtures.currency(tenant)
                + "\"},\"reason\":"
                + json(reason)
                + "}");
    if (reply.status() != 201) {
      throw new AssertionError(
          "operator adjustment refused: " + reply.status() + " " + reply.body());
    }
    return reply;
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public Reply put(String path, String key, String json) {
    return send(
        request(path, key)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method with a JSON body (or none) and, when not null, an Idempotency-Key header. */
  public Reply send(String method, String path, String key, String json, String idempotencyKey) {
    HttpRequest.Builder builder =
        request(path, key)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return send(builder);
  }

  public Reply delete(String path, String key) {
    return send(request(path, key).DELETE());
  }

  /**
   * Through the API as the organisation's Global admin: buys Business Voice and Communications
   * Credits and adds caller@ its domain, in the US, with both licences; returns the UPN.
   */
  public String creditsCaller(Fixtures.TestOrg org) {
    String admin = org.key(Role.GLOBAL_ADMIN);
    Fixtures.card(org);
    post("subscriptions", admin, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":2}");
    post("subscriptions", admin, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}");
    String upn = "caller@" + org.domain();
    post(
        "users",
        admin,
        "{\"displayName\":\"Caller\",\"upn\":\"" + upn + "\",\"usageLocation\":\"US\"}");
    put("users/" + upn + "/licences/BUSINESS_VOICE", admin, "");
    put("users/" + upn + "/licences/COMMUNICATIONS_CREDITS", admin, "");
    return upn;
  }

  private HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
