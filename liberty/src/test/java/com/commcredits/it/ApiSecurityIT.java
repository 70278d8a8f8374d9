package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JSON API's authentication, roles, problem documents and scoping; health and OpenAPI (R-SEC,
 * R-ORG-1).
 */
@ExtendWith(ArquillianExtension.class)
class ApiSecurityIT {
  private static TestOrg org;
  private static TestOrg other;

  @ArquillianResource URL base;
  private ApiClient api;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeAll
  static void organisations() {
    org = Fixtures.organisation("Api", "USD");
    other = Fixtures.organisation("ApiOther", "EUR");
    Fixtures.addUser(other, "hidden@" + other.domain(), "Hidden", "DE");
  }

  @BeforeEach
  void client() throws Exception {
    api = new ApiClient(base.toURI());
  }

  private static List<String> fields(ApiClient.Reply reply) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  @Test
  void R_SEC_1_a_missing_wrong_or_revoked_key_answers_401_as_a_problem() {
    ApiClient.Reply none = api.get("organisation", null);
    assertEquals(401, none.status());
    assertTrue(none.contentType().startsWith("application/problem+json"));
    assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(401, api.get("organisation", "not-a-key").status());
    String key = org.key(Role.BILLING_ADMIN);
    assertEquals(200, api.get("organisation", key).status());
    Fixtures.count(
        "SELECT COUNT(*) FROM api_key WHERE id = ?", org.apiKeyIds().get(Role.BILLING_ADMIN));
    try (var c = Fixtures.connect();
        var ps =
            c.prepareStatement("UPDATE api_key SET revoked_at = UTC_TIMESTAMP(6) WHERE id = ?")) {
      ps.setLong(1, org.apiKeyIds().get(Role.BILLING_ADMIN));
      ps.executeUpdate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertEquals(401, api.get("organisation", key).status(), "a revoked key stops working at once");
  }

  @Test
  void R_SEC_1_a_key_whose_roles_do_not_allow_the_call_gets_403_and_nothing_changes() {
    long before =
        Fixtures.count("SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id());
    ApiClient.Reply reader =
        api.post(
            "users",
            org.key(Role.REPORTS_READER),
            "{\"displayName\":\"X\",\"upn\":\"x@" + org.domain() + "\",\"usageLocation\":\"US\"}");
    assertEquals(403, reader.status());
    assertTrue(reader.contentType().startsWith("application/problem+json"));
    assertEquals(403, api.get("users", org.key(Role.PLATFORM)).status());
    assertEquals(
        before,
        Fixtures.count("SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id()));
  }

  @Test
  void R_SEC_2_bad_input_is_a_problem_naming_each_field_and_changes_nothing() {
    String key = org.key(Role.USER_ADMIN);
    long before =
        Fixtures.count("SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id());
    ApiClient.Reply unknown =
        api.post(
            "users",
            key,
            "{\"displayName\":\"A\",\"upn\":\"a@"
                + org.domain()
                + "\",\"usageLocation\":\"US\",\"isAdmin\":true}");
    assertEquals(400, unknown.status());
    assertEquals(List.of("isAdmin"), fields(unknown));
    ApiClient.Reply invalid =
        api.post(
            "users",
            key,
            "{\"displayName\":\"A\",\"upn\":\"no-at-sign\",\"usageLocation\":\"XX\"}");
    assertEquals(400, invalid.status());
    assertTrue(fields(invalid).containsAll(List.of("upn", "usageLocation")), invalid.body());
    ApiClient.Reply wrongType =
        api.post(
            "users",
            key,
            "{\"displayName\":7,\"upn\":\"b@" + org.domain() + "\",\"usageLocation\":\"US\"}");
    assertEquals(List.of("displayName"), fields(wrongType));
    assertEquals(400, api.post("users", key, "{not json").status());
    assertEquals(List.of("size"), fields(api.get("users?size=5000", key)));
    assertEquals(List.of("page"), fields(api.get("users?page=abc", key)));
    assertEquals(
        before,
        Fixtures.count("SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id()));

    ApiClient.Reply created =
        api.post(
            "users",
            key,
            "{\"displayName\":\"Ok\",\"upn\":\"ok@"
                + org.domain()
                + "\",\"usageLocation\":\"CA\"}");
    assertEquals(201, created.status(), created.body());
    assertNotNull(created.raw().headers().firstValue("Location").orElse(null));
    assertEquals(
        List.of("upn"),
        fields(
            api.post(
                "users",
                key,
                "{\"displayName\":\"Ok\",\"upn\":\"ok@"
                    + org.domain()
                    + "\",\"usageLocation\":\"CA\"}")),
        "a duplicate UPN names the field");
    assertTrue(
        Fixtures.count(
                "SELECT COUNT(*) FROM api_key WHERE id = ? AND last_used_at IS NOT NULL",
                org.apiKeyIds().get(Role.USER_ADMIN))
            == 1,
        "last use is recorded");
  }

  @Test
  void R_ORG_1_a_key_reaches_only_its_own_organisation() {
    String key = org.key(Role.GLOBAL_ADMIN);
    assertEquals(org.name(), api.get("organisation", key).json().getString("name"));
    ApiClient.Reply foreign = api.get("users/hidden@" + other.domain(), key);
    assertEquals(404, foreign.status());
    assertTrue(foreign.contentType().startsWith("application/problem+json"));
    assertFalse(api.get("users?q=hidden", key).body().contains("hidden@"));
  }

  @Test
  void health_ready_checks_the_database_and_openapi_documents_the_api() throws Exception {
    URI root = TestConfig.serverRoot();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(root.resolve("health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    assertTrue(
        health.body().contains("\"name\":\"database\"")
            && health.body().contains("\"status\":\"UP\""),
        health.body());
    HttpResponse<String> openapi =
        client.send(
            HttpRequest.newBuilder(root.resolve("openapi")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, openapi.statusCode());
    assertTrue(
        openapi.body().contains("/wallet/fundings") && openapi.body().contains("bearer"),
        "documents the API");
    assertEquals(
        200,
        client
            .send(
                HttpRequest.newBuilder(root.resolve("openapi/ui/")).build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
  }

  @Test
  void R_SEC_2_bodies_over_their_cap_are_refused_413_before_they_are_read() {
    String platform = org.key(Role.PLATFORM);
    String admin = org.key(Role.GLOBAL_ADMIN);
    String huge = "[" + "{\"callId\":\"x\"},".repeat(120_000) + "{}]"; // about 1.9 MB
    ApiClient.Reply tooBigForUsers = api.post("users", admin, huge);
    assertEquals(413, tooBigForUsers.status(), tooBigForUsers.body());
    assertTrue(tooBigForUsers.contentType().startsWith("application/problem+json"));
    assertEquals(413, tooBigForUsers.json().getInt("status"));
    String overTwoMegabytes = "[" + "{\"callId\":\"x\"},".repeat(150_000) + "{}]";
    assertEquals(413, api.post("calls", platform, overTwoMegabytes).status());
    // a batch just under the calls cap is read and answered per record, not refused whole
    ApiClient.Reply read = api.post("calls", platform, huge);
    assertTrue(read.status() == 400 || read.status() == 200, read.status() + " " + read.body());
  }

  @Test
  void R_SEC_2_pages_and_dates_out_of_range_are_problems_not_server_errors() {
    String admin = org.key(Role.GLOBAL_ADMIN);
    for (String path :
        List.of(
            "users?page=2147483647&size=100",
            "users?page=99999999999",
            "users?size=-1",
            "wallet/transactions?page=2147483647&size=1000",
            "notifications?page=2147483647",
            "reports/pstn-usage?from=%2B10000-01-01&to=%2B10000-01-31",
            "reports/pstn-usage?from=0000-01-01&to=0000-01-31",
            "wallet/transactions?from=2026-02-30")) {
      ApiClient.Reply reply = api.get(path, admin);
      assertTrue(
          reply.status() == 400 || reply.status() == 404,
          path + " answered " + reply.status() + " " + reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"), path);
    }
  }
}
