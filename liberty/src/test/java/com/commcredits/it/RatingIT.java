package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /calls: rating finished calls in batches (R-RATE-3, R-RATE-4, R-LIC-3, R-FUND-3, R-POOL-2).
 */
@ExtendWith(ArquillianExtension.class)
class RatingIT {
  private static final Instant START = Fixtures.recentCallStart();

  @ArquillianResource URL base;
  private ApiClient api;
  private TestOrg org;
  private String admin;
  private String platform;
  private long wallet;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeEach
  void organisation() throws Exception {
    api = new ApiClient(base.toURI());
    org = Fixtures.organisation("Rating", "USD");
    Fixtures.card(org);
    admin = org.key(Role.GLOBAL_ADMIN);
    platform = org.key(Role.PLATFORM);
    api.post("subscriptions", admin, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":5}");
    api.post("subscriptions", admin, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}");
    Fixtures.eaAgreement(org, "11223344");
    long ea =
        api.post(
                "payment-methods",
                admin,
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"11223344\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    HttpRequest fund =
        HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":{\"amount\":\"100.00\",\"currency\":\"USD\"},"
                        + "\"paymentMethodId\":"
                        + ea
                        + "}"))
            .build();
    HttpClient.newHttpClient().send(fund, HttpResponse.BodyHandlers.ofString());
    wallet = Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id());
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

  private static String call(String id, String upn, String to, int seconds) {
    return "{\"callId\":\""
        + id
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\","
        + "\"to\":\""
        + to
        + "\",\"start\":\""
        + START
        + "\",\"end\":\""
        + START.plusSeconds(seconds)
        + "\",\"durationSeconds\":"
        + seconds
        + "}";
  }

  private JsonArray post(String... records) {
    ApiClient.Reply reply = api.post("calls", platform, "[" + String.join(",", records) + "]");
    assertEquals(200, reply.status(), reply.body());
    return (JsonArray) reply.any();
  }

  private BigDecimal balance() {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE id = ?", wallet);
  }

  @Test
  void R_RATE_3_a_domestic_call_inside_the_pool_costs_nothing_and_US_to_CA_is_domestic() {
    String u = user("us", "US", "BUSINESS_VOICE");
    JsonObject r = post(call("d1", u, "+14165550100", 125)).getJsonObject(0);
    assertEquals("RATED", r.getString("status"));
    assertEquals(3, r.getInt("poolMinutes"), "125 s use 3 pool minutes");
    assertEquals("0.00", r.getJsonObject("charge").getString("amount"));
    assertEquals(0, new BigDecimal("100.00").compareTo(balance()));
  }

  @Test
  void R_RATE_3_the_call_that_exhausts_the_pool_is_split_between_pool_and_wallet() {
    String u = user("split", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    // 2,999 minutes take two calls: one call lasts at most 48 hours (R-RATE-6)
    JsonArray filling =
        post(
            call("long1", u, "+12125550100", 1500 * 60),
            call("long2", u, "+12125550100", 1499 * 60));
    assertEquals(
        2999,
        filling.getJsonObject(0).getInt("poolMinutes")
            + filling.getJsonObject(1).getInt("poolMinutes"));
    JsonObject r = post(call("cross", u, "+12125550100", 180)).getJsonObject(0);
    assertEquals(1, r.getInt("poolMinutes"), "the last pool minute");
    assertEquals(
        "0.04", r.getJsonObject("charge").getString("amount"), "2 minutes at 0.02 from the wallet");
    assertEquals(1, r.getJsonArray("fundedBy").size(), "the EA lot paid");
    assertEquals(0, new BigDecimal("99.96").compareTo(balance()));
  }

  @Test
  void R_LIC_3_an_international_call_is_paid_by_the_wallet_only_with_a_credits_licence() {
    String with = user("intl", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    String without = user("nointl", "US", "BUSINESS_VOICE");
    JsonArray results =
        post(call("i1", with, "+442079460000", 61), call("i2", without, "+442079460000", 61));
    assertEquals("RATED", results.getJsonObject(0).getString("status"));
    assertEquals(
        "0.06",
        results.getJsonObject(0).getJsonObject("charge").getString("amount"),
        "2 minutes at 0.03");
    assertEquals("REJECTED", results.getJsonObject(1).getString("status"));
    assertTrue(
        results.getJsonObject(1).getString("error").contains("no Communications Credits licence"));
    assertEquals(
        1,
        Fixtures.count("SELECT COUNT(*) FROM call_record WHERE organisation_id = ?", org.id()),
        "nothing is recorded or charged for a rejected record");
  }

  @Test
  void R_RATE_4_the_same_batch_posted_twice_at_once_is_charged_once() throws Exception {
    String u = user("dup", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    String batch = call("x1", u, "+442079460000", 60) + "," + call("x2", u, "+33140000000", 60);
    CompletableFuture<ApiClient.Reply> a =
        CompletableFuture.supplyAsync(() -> api.post("calls", platform, "[" + batch + "]"));
    CompletableFuture<ApiClient.Reply> b =
        CompletableFuture.supplyAsync(() -> api.post("calls", platform, "[" + batch + "]"));
    List<String> statuses =
        List.of(a.get(), b.get()).stream()
            .flatMap(r -> ((JsonArray) r.any()).getValuesAs(JsonObject.class).stream())
            .map(o -> o.getString("status"))
            .sorted()
            .toList();
    assertEquals(List.of("DUPLICATE", "DUPLICATE", "RATED", "RATED"), statuses);
    assertEquals(
        2,
        Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'CHARGE'",
            wallet));
    assertEquals(0, new BigDecimal("99.93").compareTo(balance()), "0.03 + 0.04 once");
  }

  @Test
  void R_RATE_3_one_bad_record_in_a_batch_of_1000_does_not_spoil_the_others() {
    String u = user("bulk", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    String[] records = new String[1000];
    for (int i = 0; i < 1000; i++) {
      records[i] =
          i == 500 ? call("bad", u, "not-a-number", 60) : call("b" + i, u, "+442079460000", 30);
    }
    JsonArray results = post(records);
    assertEquals(1000, results.size());
    assertEquals("REJECTED", results.getJsonObject(500).getString("status"));
    assertTrue(results.getJsonObject(500).getString("error").contains("to:"));
    assertEquals(
        999,
        results.getValuesAs(JsonObject.class).stream()
            .filter(o -> o.getString("status").equals("RATED"))
            .count());
    assertEquals(0, new BigDecimal("70.03").compareTo(balance()), "999 x 0.03");
    ApiClient.Reply tooMany =
        api.post(
            "calls",
            platform,
            "["
                + String.join(",", Collections.nCopies(1001, call("z", u, "+442079460000", 30)))
                + "]");
    assertEquals(400, tooMany.status());
  }

  @Test
  void
      R_FUND_3_R_FUND_5_a_batch_pays_from_the_lots_in_turn_then_goes_below_zero_once_with_the_ledger_in_step() {
    String u = user("big", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    // 1,000 minutes to the UAE: 0.05 connection + 1,000 x 0.22 = 220.05 each
    JsonArray results =
        post(
            call("uae1", u, "+97145550100", 60_000),
            call("uae2", u, "+97145550100", 60_000),
            call("uk1", u, "+442079460000", 60));
    JsonArray first = results.getJsonObject(0).getJsonArray("fundedBy");
    assertEquals(2, first.size(), "the lot's 100.00, then the part no lot covers");
    assertEquals("100.00", first.getJsonObject(0).getJsonObject("amount").getString("amount"));
    assertTrue(uncovered(first.getJsonObject(1)));
    assertEquals("120.05", first.getJsonObject(1).getJsonObject("amount").getString("amount"));
    assertTrue(
        uncovered(results.getJsonObject(1).getJsonArray("fundedBy").getJsonObject(0)),
        "nothing left");
    assertEquals(
        0, new BigDecimal("-340.13").compareTo(balance()), "100.00 - 220.05 - 220.05 - 0.03");
    assertEquals(
        0,
        Fixtures.decimal("SELECT SUM(amount) FROM ledger_entry WHERE wallet_id = ?", wallet)
            .compareTo(balance()),
        "the ledger sums to the balance");
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT balance_after FROM ledger_entry WHERE wallet_id = ? ORDER BY id DESC "
                    + "LIMIT 1",
                wallet)
            .compareTo(balance()),
        "each entry carries the running balance");
    assertEquals(
        0,
        Fixtures.decimal("SELECT remaining FROM funding_lot WHERE wallet_id = ?", wallet).signum());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? "
                + "AND event = 'BALANCE_AT_OR_BELOW_ZERO'",
            org.id()),
        "one notice for the batch that crossed zero");
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT COALESCE(SUM(a.amount), 0) - 440.13 FROM lot_allocation a "
                    + "JOIN ledger_entry e ON e.id = a.entry_id WHERE e.wallet_id = ? AND e.entry_type = 'CHARGE'",
                wallet)
            .signum(),
        "the allocations account for every charge");
  }

  private static boolean uncovered(JsonObject part) {
    return !part.containsKey("lotId") || part.isNull("lotId");
  }

  @Test
  void R_RATE_3_bad_records_are_rejected_naming_the_field_and_nothing_is_charged() {
    String u = user("typo", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    String endBeforeStart =
        "{\"callId\":\"e1\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
            + u
            + "\",\"from\":"
            + "\"+14255550100\",\"to\":\"+442079460000\",\"start\":\""
            + START
            + "\",\"end\":\""
            + START.minusSeconds(3600)
            + "\",\"durationSeconds\":60}";
    String wrongDuration =
        call("e2", u, "+442079460000", 60)
            .replace("\"durationSeconds\":60", "\"durationSeconds\":600");
    String unknownField = call("e3", u, "+442079460000", 60).replace("}", ",\"colour\":\"red\"}");
    String unknownUser = call("e4", "nobody@" + org.domain(), "+442079460000", 60);
    String notOurs =
        "{\"callId\":\"e5\",\"kind\":\"TOLL_FREE_INBOUND\",\"tollFreeNumber\":\"+18005550000\","
            + "\"from\":\"+14255550100\",\"to\":\"+18005550000\",\"start\":\""
            + START
            + "\",\"end\":\""
            + START.plusSeconds(60)
            + "\",\"durationSeconds\":60}";
    JsonArray results = post(endBeforeStart, wrongDuration, unknownField, unknownUser, notOurs);
    List<String> fields = List.of("end", "durationSeconds", "colour", "userUpn", "tollFreeNumber");
    for (int i = 0; i < fields.size(); i++) {
      JsonObject r = results.getJsonObject(i);
      assertEquals("REJECTED", r.getString("status"), r.toString());
      assertTrue(
          r.getString("error").contains(fields.get(i)),
          r.getString("error") + " names " + fields.get(i));
    }
    assertEquals(
        0, Fixtures.count("SELECT COUNT(*) FROM call_record WHERE organisation_id = ?", org.id()));
    assertEquals(0, new BigDecimal("100.00").compareTo(balance()));
    assertEquals(400, api.post("calls", platform, "{\"not\":\"an array\"}").status());
  }

  private static String timed(String id, String upn, Instant start, Instant end, String duration) {
    return "{\"callId\":\""
        + id
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\",\"to\":\"+442079460000\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"durationSeconds\":"
        + duration
        + "}";
  }

  @Test
  void R_RATE_6_records_out_of_bounds_are_rejected_naming_the_field_and_nothing_is_charged() {
    String u = user("bounds", "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    Instant now = Instant.now();
    Instant hourAgo = now.minusSeconds(3600);
    Instant old = now.minus(Duration.ofDays(401));
    Instant future = now.plus(Duration.ofMinutes(10));
    JsonArray results =
        post(
            timed("b1", u, hourAgo, hourAgo.minusSeconds(60), "60"),
            timed("b2", u, old, old.plusSeconds(60), "60"),
            timed("b3", u, future.minusSeconds(60), future, "60"),
            timed("b4", u, now.minusSeconds(49 * 3600 + 60), now.minusSeconds(60), "" + 49 * 3600),
            timed("b5", u, hourAgo, hourAgo.plusSeconds(60), "65"),
            timed("b6", u, hourAgo, hourAgo.plusSeconds(60), "" + (Long.MAX_VALUE - 1)),
            timed("b7", u, hourAgo, hourAgo.plusSeconds(60), "" + Integer.MAX_VALUE),
            timed("ok", u, hourAgo, hourAgo.plusSeconds(60), "61"));
    List<String> fields =
        List.of(
            "end",
            "start",
            "end",
            "durationSeconds",
            "durationSeconds",
            "durationSeconds",
            "durationSeconds");
    for (int i = 0; i < fields.size(); i++) {
      JsonObject r = results.getJsonObject(i);
      assertEquals("REJECTED", r.getString("status"), r.toString());
      assertTrue(
          r.getString("error").startsWith(fields.get(i) + ":"),
          r.getString("error") + " names " + fields.get(i));
      assertEquals("0.00", r.getJsonObject("charge").getString("amount"));
      assertEquals(0, r.getJsonArray("fundedBy").size());
    }
    assertEquals("RATED", results.getJsonObject(7).getString("status"), "within 2 s is consistent");
    assertEquals(
        1,
        Fixtures.count("SELECT COUNT(*) FROM call_record WHERE organisation_id = ?", org.id()),
        "only the call in bounds is recorded");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'CHARGE'",
            wallet),
        "only the call in bounds is charged");
    assertEquals(0, new BigDecimal("99.94").compareTo(balance()), "2 minutes at 0.03");
  }
}
