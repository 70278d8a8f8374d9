package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: a platform key revoked on another server stops working here within the documented bound
 * of 10 seconds. The "other server" is the database itself: the key is revoked with an UPDATE, so
 * this server's own at-once forgetting is bypassed and only the cache's bound helps.
 */
@ExtendWith(ArquillianExtension.class)
class CacheBoundsIT {
  private static final long KEY_BOUND_MS = 10_000;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @Test
  void a_platform_key_revoked_elsewhere_stops_working_within_ten_seconds() throws Exception {
    TestOrg org = Fixtures.organisation("CacheBounds", "USD");
    ApiClient api = new ApiClient(base.toURI());
    String upn = api.creditsCaller(org);
    String key = org.key(Role.PLATFORM);
    String body =
        "{\"callId\":\"cb-"
            + UUID.randomUUID()
            + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
            + upn
            + "\",\"from\":\"+14255550100\",\"to\":\"+14255550199\"}";
    assertEquals(200, api.post("calls/authorize", key, body).status(), "the key works (cached)");

    try (Connection c = Fixtures.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE api_key SET revoked_at = UTC_TIMESTAMP(6), revoked_by = 'another server'"
                    + " WHERE id = ?")) {
      s.setLong(1, org.apiKeyIds().get(Role.PLATFORM));
      assertEquals(1, s.executeUpdate());
    }
    long revokedAt = System.nanoTime();
    int status;
    long elapsedMs;
    do {
      status = api.post("calls/authorize", key, body).status();
      elapsedMs = (System.nanoTime() - revokedAt) / 1_000_000;
      if (status == 200) {
        Thread.sleep(250);
      }
    } while (status == 200 && elapsedMs < KEY_BOUND_MS + 5_000);
    assertEquals(401, status, "the revoked key is refused");
    assertTrue(
        elapsedMs <= KEY_BOUND_MS + 1_000,
        "refused after " + elapsedMs + " ms, bound " + KEY_BOUND_MS + " ms");
    System.out.println("CacheBoundsIT: revoked key refused after " + elapsedMs + " ms");
  }
}
