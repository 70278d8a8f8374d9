package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Foresight through the API and the pages (R-SEE-1, R-SEE-2): the wallet's runway from the last 30
 * days' charges, each lot's projected loss at its expiry, the Credits page and Home showing them,
 * and the runway email once per crossing below the admin's number of days.
 */
@ExtendWith(ArquillianExtension.class)
class ForesightIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  /**
   * An organisation whose wallet got {@code funds} by card and paid one call of {@code minutes} to
   * a UK mobile (0.12 a minute) this month; returns it.
   */
  static TestOrg spending(URL base, String prefix, String funds, int minutes) throws Exception {
    TestOrg org = Fixtures.organisation(prefix, "USD");
    ApiClient api = new ApiClient(base.toURI());
    String upn = api.creditsCaller(org);
    long card = Fixtures.card(org);
    ApiClient.Reply funded =
        api.post(
            "wallet/fundings",
            org.key(Role.GLOBAL_ADMIN),
            UUID.randomUUID().toString(),
            "{\"amount\":{\"amount\":\""
                + funds
                + "\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + card
                + "}");
    assertEquals(201, funded.status(), funded.body());
    if (minutes > 0) {
      Instant start = Fixtures.recentCallStart();
      ApiClient.Reply rated =
          api.post(
              "calls",
              org.key(Role.PLATFORM),
              "[{\"callId\":\"see-"
                  + UUID.randomUUID()
                  + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
                  + upn
                  + "\",\"from\":\"+14255550100\",\"to\":\"+447700900123\",\"start\":\""
                  + start
                  + "\",\"end\":\""
                  + start.plusSeconds(minutes * 60L)
                  + "\",\"durationSeconds\":"
                  + minutes * 60
                  + "}]");
      assertEquals(200, rated.status(), rated.body());
      assertTrue(rated.body().contains("RATED"), rated.body());
    }
    return org;
  }

  private static BigDecimal amount(JsonObject money) {
    return new BigDecimal(money.getString("amount"));
  }

  private static BigDecimal charged(TestOrg org) {
    return Fixtures.decimal(
        "SELECT COALESCE(-SUM(e.amount), 0) FROM ledger_entry e JOIN wallet w ON w.id = e.wallet_id"
            + " WHERE w.organisation_id = ? AND e.entry_type = 'CHARGE'",
        org.id());
  }

  @Test
  void R_SEE_1_nothing_spent_has_no_runway_and_every_remainder_is_at_risk() throws Exception {
    TestOrg org = spending(base, "Idle", "40.00", 0);
    JsonObject wallet =
        new ApiClient(base.toURI()).get("wallet", org.key(Role.GLOBAL_ADMIN)).json();
    JsonObject runway = wallet.getJsonObject("runway");
    assertEquals(JsonValue.NULL, runway.get("days"), "days is written as null");
    assertEquals(JsonValue.NULL, runway.get("depletesOn"));
    assertEquals("0.00", runway.getJsonObject("dailySpend").getString("amount"));
    assertEquals("LAST_30_DAYS", runway.getString("basis"));
    assertEquals("40.00", wallet.getJsonObject("expiringUnused").getString("amount"));
    assertEquals(
        "40.00",
        wallet
            .getJsonArray("lots")
            .getJsonObject(0)
            .getJsonObject("projectedUnused")
            .getString("amount"));
  }

  @Test
  void R_SEE_1_the_runway_follows_the_last_30_days_charges_on_the_api_the_credits_page_and_home()
      throws Exception {
    TestOrg org = spending(base, "Runway", "50.00", 300);
    BigDecimal spent = charged(org);
    assertTrue(spent.signum() > 0, "the call was charged to the wallet");
    JsonObject wallet =
        new ApiClient(base.toURI()).get("wallet", org.key(Role.GLOBAL_ADMIN)).json();
    BigDecimal balance = amount(wallet.getJsonObject("balance"));
    BigDecimal daily = spent.divide(BigDecimal.valueOf(30), MathContext.DECIMAL64);
    JsonObject runway = wallet.getJsonObject("runway");
    assertEquals(
        daily.setScale(2, RoundingMode.HALF_UP), amount(runway.getJsonObject("dailySpend")));
    int days = balance.divide(daily, MathContext.DECIMAL64).intValue();
    assertEquals(days, runway.getInt("days"), wallet.toString());
    LocalDate depletes = LocalDate.parse(runway.getString("depletesOn"));
    LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
    assertTrue(
        !depletes.isBefore(today.plusDays(days)) && !depletes.isAfter(today.plusDays(days + 1)),
        depletes + " is " + days + " days from " + today);
    assertEquals("0.00", wallet.getJsonObject("expiringUnused").getString("amount"));

    WebSession billing = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    String page = billing.get("billing/credits").body();
    assertTrue(
        page.contains("pace, " + balance.toPlainString() + " USD lasts about " + days + " days"),
        "the Credits page says the runway");
    assertTrue(page.contains("class=\"projection\""), "the chart continues dashed");
    String home = billing.get("").body();
    assertTrue(home.contains("lasts about " + days + " days"), "Home says it too");
    assertTrue(home.contains("Nothing is projected to expire unused"));
  }

  @Test
  void R_SEE_1_the_runway_email_goes_once_per_crossing_below_the_admins_days() throws Exception {
    TestOrg org = spending(base, "RunwayMail", "50.00", 300);
    int days =
        new ApiClient(base.toURI())
            .get("wallet", org.key(Role.GLOBAL_ADMIN))
            .json()
            .getJsonObject("runway")
            .getInt("days");
    assertTrue(days >= 2, "a runway of some days: " + days);
    WebSession billing = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    String sql =
        "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = 'RUNWAY_LOW'";

    assertEquals(302, save(billing, String.valueOf(days)).statusCode());
    assertEquals(0, Fixtures.count(sql, org.id()), days + " days is not under " + days);
    assertEquals(302, save(billing, String.valueOf(days + 1)).statusCode());
    assertEquals(1, Fixtures.count(sql, org.id()), "under the days chosen: one email");
    assertEquals(302, save(billing, String.valueOf(days + 5)).statusCode());
    assertEquals(1, Fixtures.count(sql, org.id()), "still under: no second email");
    assertEquals(302, save(billing, String.valueOf(days - 1)).statusCode());
    assertEquals(302, save(billing, String.valueOf(days + 1)).statusCode());
    assertEquals(2, Fixtures.count(sql, org.id()), "back above re-armed it: a new crossing");

    HttpResponse<String> refused = save(billing, "0");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("from 1 to 365"), "the field says why");
    assertTrue(
        billing.get("messages").body().contains("Balance runs out soon"), "in Message center");
  }

  @Test
  void R_SEE_1_the_runways_one_sum_reads_only_its_covering_index() throws Exception {
    TestOrg org = spending(base, "RunwayIndex", "20.00", 1);
    long wallet = Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id());
    try (Connection c = Fixtures.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "EXPLAIN SELECT COALESCE(-SUM(e.amount), 0) FROM ledger_entry e WHERE e.wallet_id ="
                    + " ? AND e.entry_type = 'CHARGE' AND e.occurred_at >= ? AND e.occurred_at < ?")) {
      ps.setLong(1, wallet);
      ps.setTimestamp(2, Timestamp.from(Instant.now().minus(Duration.ofDays(30))));
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals("ix_ledger_entry_spend", rs.getString("key"));
        assertTrue(rs.getString("Extra").contains("Using index"), rs.getString("Extra"));
      }
    }
  }

  @Test
  void R_SEE_1_the_daily_charges_the_runway_reads_are_the_ledgers_charges_of_each_utc_day()
      throws Exception {
    TestOrg org = spending(base, "RunwayDaily", "30.00", 300);
    long wallet = Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id());
    // written with the entries by the ledger's writers (V39): a JPA funding and rating's batch
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM (SELECT DATE(occurred_at) AS day, -SUM(amount) AS charged,"
                + " COUNT(*) AS entries FROM ledger_entry WHERE wallet_id = ? AND entry_type ="
                + " 'CHARGE' GROUP BY DATE(occurred_at)) l LEFT JOIN ledger_charge_daily d ON"
                + " d.wallet_id = ? AND d.day = l.day WHERE d.day IS NULL OR d.charged <>"
                + " l.charged OR d.entries <> l.entries",
            wallet,
            wallet),
        "every day of charges has its row, with the same sum and count");
    assertEquals(
        0,
        charged(org)
            .compareTo(
                Fixtures.decimal(
                    "SELECT COALESCE(SUM(charged), 0) FROM ledger_charge_daily WHERE wallet_id = ?",
                    wallet)));
    assertTrue(charged(org).signum() > 0, "something was charged");
  }

  private static HttpResponse<String> save(WebSession session, String days) {
    return session.post("billing/credits", Map.of("action", "runway", "runwayAlertDays", days));
  }
}
