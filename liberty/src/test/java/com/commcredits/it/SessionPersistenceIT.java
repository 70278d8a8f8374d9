package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: HTTP sessions live in the database (Liberty's sessionDatabase-1.0, table {@code
 * sessions} in the timer schema), written at the end of every request with all their attributes, so
 * another server finds a signed-in admin's session. The cross-server case with two real servers is
 * FaultCampaign's; here one server shows that the row is written, carries the attributes and goes
 * at sign-out.
 */
@ExtendWith(ArquillianExtension.class)
class SessionPersistenceIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  /** Liberty's cookie value is a cache id (4 characters), the session id, ':' and the clone id. */
  private static String sessionId(String cookie) {
    int colon = cookie.indexOf(':');
    return cookie.substring(4, colon < 0 ? cookie.length() : colon);
  }

  private static long rows(String id) throws Exception {
    try (Connection c =
            DriverManager.getConnection(TestConfig.jdbcUrl("commcredits_timers"), "root", "");
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(COALESCE(LENGTH(small), 0)"
                    + " + COALESCE(LENGTH(medium), 0) + COALESCE(LENGTH(large), 0)), 0)"
                    + " FROM sessions WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1) == 0 ? 0 : Math.max(1, r.getLong(2));
      }
    }
  }

  @Test
  void a_signed_in_session_is_written_to_the_database_and_removed_at_sign_out() throws Exception {
    TestOrg org = Fixtures.organisation("Sessions", "USD");
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    String cookie = web.cookie("CCSESSION");
    assertNotNull(cookie, "session cookie");
    String id = sessionId(cookie);
    long bytes = rows(id);
    assertTrue(bytes > 0, "the session row (with its attributes) is in the database: " + id);

    // the page after sign-in still works on this session, and its CSRF token is accepted
    assertEquals(200, web.get("").statusCode());
    web.post("sign-out", Map.of());
    assertEquals(0, rows(id), "sign-out removes the session row");
  }
}
