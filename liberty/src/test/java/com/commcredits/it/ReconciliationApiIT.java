package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reconciliation API: the operator starts and reads runs; tenants do not see it (R-RECON-3).
 */
@ExtendWith(ArquillianExtension.class)
class ReconciliationApiIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @Test
  void R_RECON_3_the_operator_starts_a_run_follows_it_and_reads_its_report() throws Exception {
    TestOrg operator = Fixtures.organisation("ReconOps", "USD");
    Fixtures.update("UPDATE organisation SET publishes_rates = TRUE WHERE id = ?", operator.id());
    ApiClient api = new ApiClient(base.toURI());
    String key = operator.key(Role.GLOBAL_ADMIN);

    ApiClient.Reply badMode = api.post("reconciliation/runs", key, "{\"mode\":\"SOMETIMES\"}");
    assertEquals(400, badMode.status(), badMode.body());

    ApiClient.Reply started = awaitStart(api, key);
    assertEquals(202, started.status(), started.body());
    String location = started.raw().headers().firstValue("Location").orElseThrow();
    long id = started.json().getJsonNumber("id").longValue();
    assertTrue(location.endsWith("/reconciliation/runs/" + id), location);
    assertEquals("FULL", started.json().getString("mode"));

    JsonObject run = api.get("reconciliation/runs/" + id, key).json();
    if ("RUNNING".equals(run.getString("status"))) {
      ApiClient.Reply second = api.post("reconciliation/runs", key, "{\"mode\":\"INCREMENTAL\"}");
      JsonObject now = api.get("reconciliation/runs/" + id, key).json();
      if ("RUNNING".equals(now.getString("status"))) {
        assertEquals(409, second.status(), "one run at a time: " + second.body());
      }
    }
    run = awaitEnd(api, key, id);
    assertEquals("COMPLETED", run.getString("status"), run.toString());
    assertTrue(run.getJsonNumber("walletsChecked").longValue() >= 0);
    assertEquals(100, run.getInt("percent"));
    assertTrue(run.containsKey("findings"));
    assertTrue(
        api.get("reconciliation/runs", key).any().toString().contains("\"id\":" + id),
        "the list has the run");

    TestOrg tenant = Fixtures.organisation("ReconTenant", "USD");
    String tenantKey = tenant.key(Role.GLOBAL_ADMIN);
    assertEquals(404, api.post("reconciliation/runs", tenantKey, "{\"mode\":\"FULL\"}").status());
    assertEquals(404, api.get("reconciliation/runs", tenantKey).status());
    assertEquals(404, api.get("reconciliation/runs/" + id, tenantKey).status());
    assertEquals(404, api.get("reconciliation/runs/abc", key).status());
  }

  /** Starts a FULL run, waiting out one that another test class left going. */
  private static ApiClient.Reply awaitStart(ApiClient api, String key) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      ApiClient.Reply reply = api.post("reconciliation/runs", key, "{\"mode\":\"FULL\"}");
      if (reply.status() != 409 || Instant.now().isAfter(deadline)) {
        return reply;
      }
      Thread.sleep(1000);
    }
  }

  private static JsonObject awaitEnd(ApiClient api, String key, long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      JsonObject run = api.get("reconciliation/runs/" + id, key).json();
      if (!"RUNNING".equals(run.getString("status")) || Instant.now().isAfter(deadline)) {
        return run;
      }
      Thread.sleep(500);
    }
  }
}
