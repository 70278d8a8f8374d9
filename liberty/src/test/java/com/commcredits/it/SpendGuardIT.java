package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The spend guard through the API (R-GUARD-1 … R-GUARD-3): caps and the brake set and read by the
 * right roles, enforced at authorisation, counted exactly by rating, and the brake's trip.
 */
@ExtendWith(ArquillianExtension.class)
class SpendGuardIT {
  /** London from the US: 0.03 a minute, no connection fee (the seeded USD card). */
  private static final String LONDON = "+442079460000";

  @ArquillianResource URL base;
  private ApiClient api;
  private TestOrg org;
  private String admin;
  private String platform;
  private long card;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeEach
  void organisation() throws Exception {
    api = new ApiClient(base.toURI());
    org = Fixtures.organisation("Guard", "USD");
    card = Fixtures.card(org);
    admin = org.key(Role.GLOBAL_ADMIN);
    platform = org.key(Role.PLATFORM);
    assertTrue(
        api.post("subscriptions", admin, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":3}").status()
            < 300);
    assertTrue(
        api.post("subscriptions", admin, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":3}")
                .status()
            < 300);
    ApiClient.Reply funded =
        api.post(
            "wallet/fundings",
            admin,
            UUID.randomUUID().toString(),
            "{\"amount\":" + money("100.00") + ",\"paymentMethodId\":" + card + "}");
    assertEquals(201, funded.status(), funded.body());
  }

  private String user(String name) {
    String upn = name + "@" + org.domain();
    assertTrue(
        api.post(
                    "users",
                    admin,
                    "{\"displayName\":\""
                        + name
                        + "\",\"upn\":\""
                        + upn
                        + "\",\"usageLocation\":\"US\"}")
                .status()
            < 300);
    for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
      assertEquals(200, api.put("users/" + upn + "/licences/" + sku, admin, "").status());
    }
    return upn;
  }

  private static String money(String amount) {
    return "{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
  }

  private JsonObject authorize(String upn, String to) {
    return authorize(upn, to, null);
  }

  /** Authorises a call placed at {@code at} (now when null). */
  private JsonObject authorize(String upn, String to, Instant at) {
    ApiClient.Reply reply =
        api.post(
            "calls/authorize",
            platform,
            "{\"callId\":\"a-"
                + UUID.randomUUID()
                + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
                + upn
                + "\",\"from\":\"+14255550100\",\"to\":\""
                + to
                + (at == null ? "" : "\",\"at\":\"" + at)
                + "\"}");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /** A call of {@code seconds} to London that ended a few minutes ago. */
  private static String call(String upn, int seconds) {
    Instant end = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minusSeconds(seconds);
    return "{\"callId\":\"c-"
        + UUID.randomUUID()
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\",\"to\":\""
        + LONDON
        + "\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"durationSeconds\":"
        + seconds
        + "}";
  }

  private JsonArray rate(String... calls) {
    ApiClient.Reply reply = api.post("calls", platform, "[" + String.join(",", calls) + "]");
    assertEquals(200, reply.status(), reply.body());
    JsonArray results = (JsonArray) reply.any();
    for (JsonObject r : results.getValuesAs(JsonObject.class)) {
      assertEquals("RATED", r.getString("status"), r.toString());
    }
    return results;
  }

  private ApiClient.Reply setLimit(String key, String upn, String body) {
    return api.put("users/" + upn + "/spend-limit", key, body);
  }

  private void brake(String perHour, String perDay) {
    ApiClient.Reply r =
        api.put(
            "spend-controls",
            admin,
            "{\"internationalPerHour\":"
                + (perHour == null ? "null" : money(perHour))
                + ",\"internationalPerDay\":"
                + (perDay == null ? "null" : money(perDay))
                + "}");
    assertEquals(200, r.status(), r.body());
  }

  @Test
  void R_GUARD_1_caps_are_set_by_billing_and_global_admins_and_read_by_user_admins() {
    String upn = user("capped");
    ApiClient.Reply set =
        setLimit(
            org.key(Role.BILLING_ADMIN),
            upn,
            "{\"monthly\":" + money("50.00") + ",\"internationalMonthly\":" + money("20.00") + "}");
    assertEquals(200, set.status(), set.body());
    assertEquals("50.00", set.json().getJsonObject("monthly").getString("amount"));
    assertEquals("20.00", set.json().getJsonObject("internationalMonthly").getString("amount"));

    ApiClient.Reply read = api.get("users/" + upn + "/spend-limit", org.key(Role.USER_ADMIN));
    assertEquals(200, read.status(), read.body());
    assertEquals("50.00", read.json().getJsonObject("monthly").getString("amount"));
    assertEquals(0, read.json().getJsonObject("thisMonth").getInt("minutes"));
    assertEquals(
        403,
        setLimit(org.key(Role.USER_ADMIN), upn, "{\"monthly\":null}").status(),
        "User admins only read caps");
    assertEquals(
        403, api.get("users/" + upn + "/spend-limit", org.key(Role.REPORTS_READER)).status());

    ApiClient.Reply cleared =
        setLimit(admin, upn, "{\"monthly\":null,\"internationalMonthly\":" + money("5.00") + "}");
    assertEquals(200, cleared.status(), cleared.body());
    assertTrue(absent(cleared.json(), "monthly"), cleared.body());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = 'SPEND_LIMIT_CHANGED' "
                + "AND after_state LIKE '%international 5%'",
            org.id()));
  }

  @Test
  void R_GUARD_1_bad_caps_are_400_problems_naming_the_field_and_other_organisations_users_404() {
    String upn = user("bad");
    for (String body :
        List.of(
            "{\"monthly\":" + money("1E+5") + "}",
            "{\"monthly\":" + money("-1.00") + "}",
            "{\"monthly\":" + money("1.001") + "}",
            "{\"monthly\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}}",
            "{\"monthly\":\"10.00\"}",
            "{\"monthly\":" + money("10.00") + ",\"weekly\":" + money("1.00") + "}")) {
      ApiClient.Reply r = setLimit(admin, upn, body);
      assertEquals(400, r.status(), body + " -> " + r.body());
      assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
      assertFalse(r.json().getJsonArray("errors").isEmpty(), r.body());
    }
    TestOrg other = Fixtures.organisation("GuardOther", "USD");
    assertEquals(
        404,
        setLimit(other.key(Role.GLOBAL_ADMIN), upn, "{\"monthly\":" + money("1.00") + "}")
            .status());
    assertEquals(
        404, api.get("users/" + upn + "/spend-limit", other.key(Role.GLOBAL_ADMIN)).status());
    assertEquals(404, setLimit(admin, "nobody@" + org.domain(), "{\"monthly\":null}").status());
    ApiClient.Reply badBrake =
        api.put("spend-controls", admin, "{\"internationalPerHour\":" + money("0.00") + "}");
    assertEquals(400, badBrake.status(), badBrake.body());
    assertEquals(403, api.put("spend-controls", org.key(Role.USER_ADMIN), "{}").status());
  }

  @Test
  void R_GUARD_2_the_monthly_cap_bounds_the_duration_then_refuses_with_USER_SPEND_LIMIT() {
    String upn = user("monthly");
    assertEquals(200, setLimit(admin, upn, "{\"monthly\":" + money("0.50") + "}").status());
    JsonObject bounded = authorize(upn, LONDON);
    assertTrue(bounded.getBoolean("allowed"), bounded.toString());
    assertEquals(
        960, bounded.getJsonNumber("maxDurationSeconds").longValue(), "0.50 / 0.03 = 16 min");
    assertEquals("USER_SPEND_LIMIT", bounded.getString("limitedBy"));
    rate(call(upn, 16 * 60)); // 0.48
    JsonObject refused = authorize(upn, LONDON);
    assertFalse(refused.getBoolean("allowed"), refused.toString());
    assertEquals("USER_SPEND_LIMIT", refused.getString("reason"));
    JsonObject month =
        api.get("users/" + upn + "/spend-limit", admin).json().getJsonObject("thisMonth");
    assertEquals("0.48", month.getJsonObject("spend").getString("amount"));
    assertEquals("0.48", month.getJsonObject("internationalSpend").getString("amount"));
    assertEquals(16, month.getInt("minutes"));
    // a domestic call inside the pool is not the wallet's: the cap does not refuse it
    assertTrue(authorize(upn, "+14255550123").getBoolean("allowed"));
  }

  @Test
  void R_GUARD_2_the_month_of_a_cap_is_the_organisations_month_not_the_UTC_one() {
    // the organisation is in America/Los_Angeles: an hour before its next month starts it is
    // already the next month in UTC, and the counters of this month still apply
    String upn = user("zone");
    assertEquals(200, setLimit(admin, upn, "{\"monthly\":" + money("0.50") + "}").status());
    rate(call(upn, 16 * 60)); // 0.48 of the 0.50 this month
    ZoneId zone = ZoneId.of("America/Los_Angeles");
    Instant nextMonth = YearMonth.now(zone).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    JsonObject lastHour = authorize(upn, LONDON, nextMonth.minus(1, ChronoUnit.HOURS));
    assertFalse(lastHour.getBoolean("allowed"), lastHour.toString());
    assertEquals("USER_SPEND_LIMIT", lastHour.getString("reason"));
    JsonObject firstHour = authorize(upn, LONDON, nextMonth.plus(1, ChronoUnit.HOURS));
    assertTrue(firstHour.getBoolean("allowed"), firstHour.toString());
    assertEquals(960, firstHour.getJsonNumber("maxDurationSeconds").longValue(), "a new month");
    assertEquals("USER_SPEND_LIMIT", firstHour.getString("limitedBy"));
  }

  @Test
  void R_GUARD_2_the_international_cap_refuses_with_USER_INTERNATIONAL_LIMIT() {
    String upn = user("intl");
    assertEquals(
        200,
        setLimit(
                admin,
                upn,
                "{\"monthly\":"
                    + money("10.00")
                    + ",\"internationalMonthly\":"
                    + money("0.30")
                    + "}")
            .status());
    JsonObject bounded = authorize(upn, LONDON);
    assertEquals(600, bounded.getJsonNumber("maxDurationSeconds").longValue());
    assertEquals("USER_INTERNATIONAL_LIMIT", bounded.getString("limitedBy"));
    rate(call(upn, 600)); // 0.30
    JsonObject refused = authorize(upn, LONDON);
    assertFalse(refused.getBoolean("allowed"));
    assertEquals("USER_INTERNATIONAL_LIMIT", refused.getString("reason"));
    JsonObject other = authorize(user("free"), LONDON);
    assertTrue(other.getBoolean("allowed"), "caps are per user");
    assertTrue(absent(other, "limitedBy"), "the balance is tighter than the brake: " + other);
  }

  @Test
  void R_GUARD_2_counters_are_exact_when_many_threads_rate_international_calls_for_one_user()
      throws Exception {
    brake(null, null); // this test is about the counters, not the brake
    String upn = user("busy");
    int threads = 8;
    // 8 threads queue on the organisation's lock: small batches keep each wait short on a loaded
    // machine (every batch is one transaction, so the counters are still hit concurrently)
    int batches = 4;
    int perBatch = 10;
    AtomicLong seconds = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int b = 0; b < batches; b++) {
                  List<String> calls = new ArrayList<>();
                  for (int i = 0; i < perBatch; i++) {
                    int s = 30 + (thread * 37 + b * 11 + i * 7) % 300;
                    seconds.addAndGet(s);
                    calls.add(call(upn, s));
                  }
                  rate(calls.toArray(String[]::new));
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    long userId =
        Fixtures.count(
            "SELECT id FROM directory_user WHERE organisation_id = ? AND upn = ?", org.id(), upn);
    BigDecimal charged =
        Fixtures.decimal(
            "SELECT SUM(charge) FROM call_record WHERE organisation_id = ? AND user_upn = ?",
            org.id(),
            upn);
    assertEquals(0, new BigDecimal("0").compareTo(charged.subtract(charged)));
    assertEquals(
        0,
        charged.compareTo(
            Fixtures.decimal("SELECT SUM(spend) FROM user_month_spend WHERE user_id = ?", userId)),
        "the month's spend equals the sum of the charges");
    assertEquals(
        0,
        charged.compareTo(
            Fixtures.decimal(
                "SELECT SUM(international_spend) FROM user_month_spend WHERE user_id = ?",
                userId)));
    assertEquals(
        0,
        charged.compareTo(
            Fixtures.decimal(
                "SELECT SUM(amount) FROM international_spend_minute WHERE organisation_id = ?",
                org.id())),
        "the brake's buckets hold every international charge");
    assertEquals(
        (long) threads * batches * perBatch,
        Fixtures.count("SELECT SUM(calls) FROM user_month_spend WHERE user_id = ?", userId));
    assertEquals(
        seconds.get(),
        Fixtures.count("SELECT SUM(call_seconds) FROM user_month_spend WHERE user_id = ?", userId));
  }

  @Test
  void R_GUARD_3_a_burst_trips_the_brake_once_refuses_calls_and_holds_auto_recharge() {
    brake("1.00", "1000.00");
    String upn = user("burst");
    // auto-recharge: any debit below 99.00 starts one
    ApiClient.Reply auto =
        api.put(
            "wallet/auto-recharge",
            admin,
            "{\"enabled\":true,\"rechargeAmount\":"
                + money("20.00")
                + ",\"triggerBelow\":"
                + money("99.00")
                + ",\"paymentMethodId\":"
                + card
                + "}");
    assertEquals(200, auto.status(), auto.body());
    JsonObject before = authorize(upn, LONDON);
    assertEquals("ORGANISATION_HOURLY_LIMIT", before.getString("limitedBy"));
    assertEquals(1980, before.getJsonNumber("maxDurationSeconds").longValue(), "1.00 / 0.03");
    rate(call(upn, 1200)); // 0.60, under the limit
    assertEquals(0, trips());
    rate(call(upn, 1200), call(upn, 600)); // 0.90 more: 1.50 in the hour, over 1.00
    rate(call(upn, 600)); // still holding: no second trip
    assertEquals(1, trips(), "one trip");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = 'SPEND_BRAKE_TRIPPED'",
            org.id()),
        "one email per trip");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = 'SPEND_BRAKE_TRIPPED'",
            org.id()));
    JsonObject refused = authorize(upn, LONDON);
    assertFalse(refused.getBoolean("allowed"));
    assertEquals("ORGANISATION_HOURLY_LIMIT", refused.getString("reason"));
    assertTrue(authorize(upn, "+14255550123").getBoolean("allowed"), "domestic calls go on");
    JsonObject controls = api.get("spend-controls", org.key(Role.BILLING_ADMIN)).json();
    assertTrue(controls.getBoolean("holds"), controls.toString());
    assertEquals("1.80", controls.getJsonObject("internationalLastHour").getString("amount"));
    // the debits crossed the trigger, but no recharge ran while the brake holds
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM recharge_attempt a JOIN wallet w ON w.id = a.wallet_id "
                + "WHERE w.organisation_id = ? AND a.status = 'SUCCEEDED'",
            org.id()));
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
                + "WHERE w.organisation_id = ? AND l.source = 'AUTO_RECHARGE'",
            org.id()));

    brake(null, null); // turned off: the brake no longer holds
    assertFalse(api.get("spend-controls", admin).json().getBoolean("holds"));
    assertTrue(authorize(upn, LONDON).getBoolean("allowed"));
  }

  @Test
  void R_GUARD_2_the_daily_window_refuses_with_ORGANISATION_DAILY_LIMIT() {
    brake(null, "0.50");
    String upn = user("daily");
    rate(call(upn, 1200)); // 0.60
    JsonObject refused = authorize(upn, LONDON);
    assertFalse(refused.getBoolean("allowed"));
    assertEquals("ORGANISATION_DAILY_LIMIT", refused.getString("reason"));
    assertEquals(1, trips());
  }

  @Test
  void R_GUARD_1_a_new_organisation_has_the_brake_on_at_200_per_hour_and_1000_per_day() {
    JsonObject controls = api.get("spend-controls", admin).json();
    assertEquals("200.00", controls.getJsonObject("internationalPerHour").getString("amount"));
    assertEquals("1000.00", controls.getJsonObject("internationalPerDay").getString("amount"));
    assertFalse(controls.getBoolean("holds"));
  }

  @Test
  void R_GUARD_4_low_balance_alerts_email_once_per_crossing_and_re_arm_above() {
    ApiClient.Reply set =
        api.put(
            "wallet/alerts",
            org.key(Role.BILLING_ADMIN),
            "{\"lowBalance\":["
                + money("99.00")
                + ","
                + money("99.50")
                + ","
                + money("50.00")
                + "]}");
    assertEquals(200, set.status(), set.body());
    JsonArray read = api.get("wallet/alerts", admin).json().getJsonArray("lowBalance");
    assertEquals("99.50", read.getJsonObject(0).getString("amount"), "highest first");
    assertEquals(3, read.size());
    for (String bad :
        List.of(
            "{\"lowBalance\":["
                + String.join(
                    ",", List.of(money("1.00"), money("2.00"), money("3.00"), money("4.00")))
                + "]}",
            "{\"lowBalance\":[" + money("0.00") + "]}",
            "{\"lowBalance\":[" + money("5.00") + "," + money("5.00") + "]}",
            "{\"lowBalance\":[{\"amount\":\"5.00\",\"currency\":\"EUR\"}]}",
            "{\"lowBalance\":\"5.00\"}",
            "{\"lowBalance\":[" + money("1E+3") + "]}")) {
      ApiClient.Reply r = api.put("wallet/alerts", admin, bad);
      assertEquals(400, r.status(), bad + " -> " + r.body());
      assertTrue(r.contentType().startsWith("application/problem+json"));
    }
    assertEquals(
        403, api.put("wallet/alerts", org.key(Role.USER_ADMIN), "{\"lowBalance\":[]}").status());

    String upn = user("alerted");
    rate(call(upn, 1200)); // 100.00 -> 99.40: below 99.50
    assertEquals(1, lowBalanceEmails());
    rate(call(upn, 1200)); // 98.80: below 99.00
    assertEquals(2, lowBalanceEmails());
    rate(call(upn, 60)); // 98.77: no threshold crossed
    assertEquals(2, lowBalanceEmails(), "one email per crossing");
    assertEquals(
        201,
        api.post(
                "wallet/fundings",
                admin,
                UUID.randomUUID().toString(),
                "{\"amount\":" + money("10.00") + ",\"paymentMethodId\":" + card + "}")
            .status());
    rate(call(upn, 330 * 60)); // 108.77 -> 98.87: both re-armed thresholds crossed again
    assertEquals(4, lowBalanceEmails(), "re-armed once the balance was back above");
  }

  @Test
  void R_GUARD_4_auto_recharge_tops_up_to_the_target_within_the_monthly_cap() throws Exception {
    brake(null, null);
    String bad =
        "{\"enabled\":true,\"mode\":\"TARGET\",\"triggerBelow\":"
            + money("99.00")
            + ",\"paymentMethodId\":"
            + card
            + "%s}";
    assertEquals(
        400, api.put("wallet/auto-recharge", admin, String.format(bad, "")).status(), "no target");
    assertEquals(
        400,
        api.put(
                "wallet/auto-recharge",
                admin,
                String.format(bad, ",\"targetBalance\":" + money("99.00")))
            .status(),
        "a target not above the trigger");
    assertEquals(
        400,
        api.put(
                "wallet/auto-recharge",
                admin,
                String.format(
                    bad,
                    ",\"targetBalance\":" + money("150.00") + ",\"monthlyCap\":" + money("1E+2")))
            .status());
    assertEquals(
        400,
        api.put(
                "wallet/auto-recharge",
                admin,
                String.format(bad, ",\"targetBalance\":" + money("150.00"))
                    .replace("TARGET", "WEEKLY"))
            .status());
    ApiClient.Reply saved =
        api.put(
            "wallet/auto-recharge",
            admin,
            String.format(
                bad,
                ",\"targetBalance\":" + money("150.00") + ",\"monthlyCap\":" + money("60.00")));
    assertEquals(200, saved.status(), saved.body());
    JsonObject auto = saved.json().getJsonObject("autoRecharge");
    assertEquals("TARGET", auto.getString("mode"));
    assertEquals("150.00", auto.getJsonObject("targetBalance").getString("amount"));

    String upn = user("topped");
    rate(call(upn, 1200)); // 99.40
    rate(call(upn, 1200)); // 98.80: below the trigger, top up by 51.20 to 150.00
    assertEquals(
        0, new BigDecimal("51.20").compareTo(awaitRecharged(1)), "what reaches the target");
    assertEquals(0, new BigDecimal("150.00").compareTo(balance()));
    rate(call(upn, 1710 * 60)); // 51.30: 98.70, below again, but the cap leaves 8.80
    Thread.sleep(3000);
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM recharge_attempt a JOIN wallet w ON w.id = a.wallet_id WHERE w.organisation_id = ?",
            org.id()),
        "the month's cap leaves less than one recharge: none starts");
  }

  private BigDecimal balance() {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE organisation_id = ?", org.id());
  }

  private BigDecimal awaitRecharged(int lots) throws InterruptedException {
    String sql =
        "SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
            + "WHERE w.organisation_id = ? AND l.source = 'AUTO_RECHARGE'";
    for (int i = 0; i < 60 && Fixtures.count(sql, org.id()) < lots; i++) {
      Thread.sleep(500);
    }
    assertEquals(lots, Fixtures.count(sql, org.id()));
    return Fixtures.decimal(
        "SELECT MAX(l.amount) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
            + "WHERE w.organisation_id = ? AND l.source = 'AUTO_RECHARGE'",
        org.id());
  }

  private long lowBalanceEmails() {
    return Fixtures.count(
        "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = 'LOW_BALANCE'",
        org.id());
  }

  private static boolean absent(JsonObject json, String field) {
    return !json.containsKey(field) || json.isNull(field);
  }

  private long trips() {
    return Fixtures.count(
        "SELECT COUNT(*) FROM spend_brake_trip WHERE organisation_id = ?", org.id());
  }
}
