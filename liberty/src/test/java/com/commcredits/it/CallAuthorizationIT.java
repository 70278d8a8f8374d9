package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /calls/authorize for the telephony platform (R-RATE-2, R-RATE-5, R-LIC-3, R-POOL-2). */
@ExtendWith(ArquillianExtension.class)
class CallAuthorizationIT {
  @ArquillianResource URL base;
  private ApiClient api;
  private TestOrg org;
  private String admin;
  private String platform;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeEach
  void organisation() throws Exception {
    api = new ApiClient(base.toURI());
    org = Fixtures.organisation("Calls", "USD");
    Fixtures.card(org);
    admin = org.key(Role.GLOBAL_ADMIN);
    platform = org.key(Role.PLATFORM);
    api.post("subscriptions", admin, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":3}");
    api.post("subscriptions", admin, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}");
  }

  private String user(String name, String country, String... skus) {
    String upn = name + "@" + org.domain();
    api.post(
        "users",
        admin,
        "{\"displayName\":\""
            + name
            + "\",\"upn\":\""
            + upn
            + "\",\"usageLocation\":\""
            + country
            + "\"}");
    for (String sku : skus) {
      assertEquals(200, api.put("users/" + upn + "/licences/" + sku, admin, "").status());
    }
    return upn;
  }

  private JsonObject authorize(String kind, String who, String from, String to) {
    String party =
        "TOLL_FREE_INBOUND".equals(kind)
            ? "\"tollFreeNumber\":\"" + who + "\""
            : "\"userUpn\":\"" + who + "\"";
    ApiClient.Reply reply =
        api.post(
            "calls/authorize",
            platform,
            "{\"callId\":\"c-"
                + System.nanoTime()
                + "\",\"kind\":\""
                + kind
                + "\","
                + party
                + ",\"from\":\""
                + from
                + "\",\"to\":\""
                + to
                + "\"}");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private void fund(String amount) {
    Fixtures.count("SELECT COUNT(*) FROM wallet WHERE organisation_id = ?", org.id());
    try (var c = Fixtures.connect();
        var ps = c.prepareStatement("UPDATE wallet SET balance = ? WHERE organisation_id = ?")) {
      ps.setBigDecimal(1, new BigDecimal(amount));
      ps.setLong(2, org.id());
      ps.executeUpdate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void R_RATE_2_a_domestic_call_inside_the_pool_is_paid_by_the_pool_and_US_to_CA_is_domestic() {
    String u = user("us", "US", "BUSINESS_VOICE");
    JsonObject a = authorize("OUTBOUND", u, "+14255550100", "+14165550100");
    assertTrue(a.getBoolean("allowed"));
    assertEquals("POOL", a.getJsonObject("payer").getString("type"));
    assertEquals("DOMESTIC", a.getJsonObject("payer").getString("poolKind"));
    assertEquals("US", a.getJsonObject("payer").getString("country"));
    assertEquals(
        3000 * 60,
        a.getJsonNumber("maxDurationSeconds").longValue(),
        "the pool's minutes; no credits licence");
  }

  @Test
  void
      R_RATE_5_an_international_call_without_an_international_plan_needs_credits_and_a_positive_balance() {
    String noCredits = user("nocredits", "US", "BUSINESS_VOICE");
    JsonObject refused = authorize("OUTBOUND", noCredits, "+14255550100", "+442079460000");
    assertFalse(refused.getBoolean("allowed"));
    assertTrue(
        refused.getString("reason").contains("no Communications Credits licence"),
        refused.toString());

    String withCredits = user("credits", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    JsonObject zero = authorize("OUTBOUND", withCredits, "+14255550100", "+442079460000");
    assertFalse(zero.getBoolean("allowed"), "the wallet is at zero");
    fund("3.00");
    JsonObject wallet = authorize("OUTBOUND", withCredits, "+14255550100", "+442079460000");
    assertTrue(wallet.getBoolean("allowed"));
    assertEquals("WALLET", wallet.getJsonObject("payer").getString("type"));
    assertEquals(
        6000,
        wallet.getJsonNumber("maxDurationSeconds").longValue(),
        "3.00 at 0.03/min = 100 minutes");
  }

  @Test
  void R_RATE_5_toll_free_inbound_is_paid_by_the_wallet_and_refused_at_zero() throws Exception {
    try (var c = Fixtures.connect();
        var ps =
            c.prepareStatement(
                "INSERT INTO toll_free_number (organisation_id, number, created_at) VALUES (?, ?, UTC_TIMESTAMP(6))")) {
      ps.setLong(1, org.id());
      ps.setString(2, "+1800555" + String.valueOf(System.nanoTime()).substring(9, 13));
      ps.executeUpdate();
    }
    String number = "+1800555" + "";
    try (var c = Fixtures.connect();
        var ps =
            c.prepareStatement("SELECT number FROM toll_free_number WHERE organisation_id = ?")) {
      ps.setLong(1, org.id());
      try (var rs = ps.executeQuery()) {
        rs.next();
        number = rs.getString(1);
      }
    }
    assertFalse(
        authorize("TOLL_FREE_INBOUND", number, "+14255550100", number).getBoolean("allowed"));
    fund("1.50");
    JsonObject allowed = authorize("TOLL_FREE_INBOUND", number, "+14255550100", number);
    assertTrue(allowed.getBoolean("allowed"));
    assertEquals("WALLET", allowed.getJsonObject("payer").getString("type"));
    assertEquals(
        3000,
        allowed.getJsonNumber("maxDurationSeconds").longValue(),
        "1.50 at 0.03/min = 50 minutes");
  }

  @Test
  void R_RATE_2_bad_requests_name_the_field_and_only_the_platform_may_ask() {
    ApiClient.Reply bad =
        api.post(
            "calls/authorize",
            platform,
            "{\"callId\":\"x\",\"kind\":\"OUTBOUND\",\"userUpn\":\"a@b.c\",\"from\":\"4255550100\",\"to\":\"+1 425\"}");
    assertEquals(400, bad.status());
    List<String> fields =
        bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertTrue(fields.containsAll(List.of("from", "to")), fields.toString());
    assertEquals(
        400,
        api.post(
                "calls/authorize",
                platform,
                "{\"callId\":\"x\",\"kind\":\"FAX\",\"userUpn\":\"a@b.c\","
                    + "\"from\":\"+14255550100\",\"to\":\"+14255550101\"}")
            .status());
    assertEquals(
        403,
        api.post(
                "calls/authorize",
                admin,
                "{\"callId\":\"x\",\"kind\":\"OUTBOUND\",\"userUpn\":\"a@b.c\","
                    + "\"from\":\"+14255550100\",\"to\":\"+14255550101\"}")
            .status(),
        "an admin key is not the platform");
    ApiClient.Reply unknownUser =
        api.post(
            "calls/authorize",
            platform,
            "{\"callId\":\"x\",\"kind\":\"OUTBOUND\","
                + "\"userUpn\":\"nobody@"
                + org.domain()
                + "\",\"from\":\"+14255550100\",\"to\":\"+14255550101\"}");
    assertEquals(400, unknownUser.status());
    assertEquals(
        "userUpn", unknownUser.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }
}
