package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application connects with a user that can read and write the application's tables and nothing
 * more; the schema belongs to the migration user (money-safety issue, least privilege).
 */
@ExtendWith(ArquillianExtension.class)
class LeastPrivilegeIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private static Connection asApplication() throws SQLException {
    return DriverManager.getConnection(
        TestConfig.jdbcUrl("commcredits"), "commcredits_app", "commcredits-app-local");
  }

  @Test
  void R_FUND_6_the_application_user_cannot_drop_triggers_change_the_schema_or_rewrite_the_books()
      throws Exception {
    TestOrg org = Fixtures.organisation("LeastPrivilege", "USD");
    long walletId = Fixtures.wallet(org);
    String key = org.key(Role.BILLING_ADMIN);
    String number = "7731" + (1000 + (int) (Math.random() * 8999));
    Fixtures.eaAgreement(org, number);
    long ea =
        paymentMethod(
            key,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + number + "\",\"label\":\"EA\"}");
    fund(key, ea);
    long entries =
        Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ?", walletId);
    long lines =
        Fixtures.count("SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ?", org.id());
    assertEquals(1, entries, "the funding wrote its ledger entry");
    assertEquals(1, lines, "the EA funding wrote its billing line");

    try (Connection c = asApplication();
        Statement s = c.createStatement()) {
      SQLException dropTrigger =
          assertThrows(SQLException.class, () -> s.execute("DROP TRIGGER ledger_entry_no_update"));
      assertEquals(1142, dropTrigger.getErrorCode(), dropTrigger.getMessage());
      SQLException ddl =
          assertThrows(SQLException.class, () -> s.execute("CREATE TABLE sneaky (id INT)"));
      assertEquals(1142, ddl.getErrorCode(), ddl.getMessage());
      assertThrows(SQLException.class, () -> s.execute("DROP TABLE ledger_entry"));
      assertThrows(SQLException.class, () -> s.execute("ALTER TABLE wallet ADD COLUMN x INT"));
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate("UPDATE ledger_entry SET amount = 0 WHERE wallet_id = " + walletId));
      assertThrows(
          SQLException.class,
          () -> s.executeUpdate("DELETE FROM ea_billing_line WHERE organisation_id = " + org.id()));
      // and it can still do its work: read and write the application's rows
      assertEquals(
          1, s.executeUpdate("UPDATE organisation SET name = name WHERE id = " + org.id()));
    }
    assertEquals(
        entries, Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ?", walletId));
    assertEquals(
        lines,
        Fixtures.count("SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ?", org.id()));
    assertTrue(
        Fixtures.count(
                "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = 'commcredits'"
                    + " AND trigger_name = 'ledger_entry_no_update'")
            == 1,
        "the trigger is still there");
  }

  private long paymentMethod(String key, String json) throws Exception {
    HttpResponse<String> reply = send("api/v1/payment-methods", key, json, null);
    assertEquals(201, reply.statusCode(), reply.body());
    return Long.parseLong(reply.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
  }

  private void fund(String key, long methodId) throws Exception {
    HttpResponse<String> reply =
        send(
            "api/v1/wallet/fundings",
            key,
            "{\"amount\":{\"amount\":\"25.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + methodId
                + ",\"purchaseOrder\":\"PO-"
                + YearMonth.now()
                + "\"}",
            UUID.randomUUID().toString());
    assertEquals(201, reply.statusCode(), reply.body());
  }

  private HttpResponse<String> send(String path, String key, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
