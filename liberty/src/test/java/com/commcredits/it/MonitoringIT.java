package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator watches: /metrics in the Prometheus format, and the health endpoints. */
@ExtendWith(ArquillianExtension.class)
class MonitoringIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(TestConfig.serverRoot().resolve(path))
                    .header("Accept", "text/plain")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response.body();
  }

  /** The value of the first sample whose line starts with the name and holds the label text. */
  private static double sample(String metrics, String name, String label) {
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)").matcher(metrics);
    while (m.find()) {
      if (m.group(1) == null ? label.isEmpty() : m.group(1).contains(label)) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }

  @Test
  void rated_and_rejected_calls_authorisation_latency_outbox_and_pools_are_exposed()
      throws Exception {
    TestOrg org = Fixtures.organisation("Monitoring", "USD");
    ApiClient api = new ApiClient(base.toURI());
    String upn = api.creditsCaller(org);
    String before = get("metrics");
    double rated = sample(before, "calls_rated_total", "");
    double rejected = sample(before, "calls_rejected_total", "reason=\"end\"");

    Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String good =
        "{\"callId\":\"m-"
            + UUID.randomUUID()
            + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
            + upn
            + "\",\"from\":\"+14255550100\",\"to\":\"+14255550199\",\"start\":\""
            + start
            + "\",\"end\":\""
            + start.plusSeconds(60)
            + "\",\"durationSeconds\":60}";
    String endBeforeStart =
        "{\"callId\":\"m-"
            + UUID.randomUUID()
            + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
            + upn
            + "\",\"from\":\"+14255550100\",\"to\":\"+14255550199\",\"start\":\""
            + start
            + "\",\"end\":\""
            + start.minusSeconds(60)
            + "\",\"durationSeconds\":60}";
    ApiClient.Reply reply =
        api.post("calls", org.key(Role.PLATFORM), "[" + good + "," + endBeforeStart + "]");
    assertEquals(200, reply.status(), reply.body());
    ApiClient.Reply authorized =
        api.post(
            "calls/authorize",
            org.key(Role.PLATFORM),
            "{\"callId\":\"a-1\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
                + upn
                + "\",\"from\":\"+14255550100\",\"to\":\"+442079460000\"}");
    assertEquals(200, authorized.status(), authorized.body());

    String after = get("metrics");
    assertEquals(rated + 1, sample(after, "calls_rated_total", ""), 0.0, after);
    assertEquals(rejected + 1, sample(after, "calls_rejected_total", "reason=\"end\""), 0.0);
    assertTrue(
        sample(after, "call_authorization_seconds_count", "") >= 1, "authorisations are timed");
    assertTrue(after.contains("call_authorization_seconds_bucket"), "as a histogram");
    assertTrue(after.contains("outbox_backlog"), "the outbox backlog");
    assertTrue(after.contains("outbox_oldest_age_seconds"), "and its oldest age");
    assertTrue(after.contains("recharge_attempts{") && after.contains("outcome=\"SUCCEEDED\""));
    assertTrue(after.contains("connectionpool"), "the database pool, from Liberty's metrics");
  }

  @Test
  void liveness_and_readiness_are_up_while_the_database_answers() throws Exception {
    assertTrue(get("health/live").contains("\"status\":\"UP\""));
    String ready = get("health/ready");
    assertTrue(ready.contains("\"status\":\"UP\""));
    long newest =
        Fixtures.count(
            "SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history WHERE success = 1");
    assertTrue(
        ready.contains("\"schemaVersion\":\"" + newest + "\""),
        "the newest migration by number, not by text: " + ready);
  }
}
