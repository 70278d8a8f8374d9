package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.net.URL;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Subscriptions, licence assignment and pools through the JSON API (R-SUB-1, R-LIC, R-POOL,
 * R-REP-2).
 */
@ExtendWith(ArquillianExtension.class)
class LicencesApiIT {
  @ArquillianResource URL base;
  private ApiClient api;
  private TestOrg org;
  private String key;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeEach
  void organisation() throws Exception {
    api = new ApiClient(base.toURI());
    org = Fixtures.organisation("Licences", "USD");
    Fixtures.card(org);
    key = org.key(Role.GLOBAL_ADMIN);
  }

  private void buy(String sku, int quantity) {
    ApiClient.Reply reply =
        api.post("subscriptions", key, "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}");
    assertEquals(201, reply.status(), reply.body());
  }

  private String user(String name, String country) {
    String upn = name + "@" + org.domain();
    ApiClient.Reply reply =
        api.post(
            "users",
            key,
            "{\"displayName\":\""
                + name
                + "\",\"upn\":\""
                + upn
                + "\",\"usageLocation\":\""
                + country
                + "\"}");
    assertEquals(201, reply.status(), reply.body());
    return upn;
  }

  private ApiClient.Reply assign(String upn, String sku) {
    return api.put("users/" + upn + "/licences/" + sku, key, "");
  }

  private long pool(String country, String kind) {
    ApiClient.Reply reply = api.get("pools", key);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("pools").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("country").equals(country) && p.getString("kind").equals(kind))
        .mapToLong(p -> p.getJsonNumber("totalMinutes").longValue())
        .sum();
  }

  @Test
  void R_POOL_1_three_CA_users_with_Business_Voice_make_a_CA_domestic_pool_of_9000_minutes() {
    buy("BUSINESS_VOICE", 5);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, assign(user("ca" + i, "CA"), "BUSINESS_VOICE").status());
    }
    assertEquals(9000, pool("CA", "DOMESTIC"));
    assertEquals(
        180,
        pool("CA", "CONFERENCING_DIAL_OUT"),
        "Business Voice includes Audio Conferencing: 60 each");
    assertEquals(0, pool("US", "DOMESTIC"), "minutes belong to the users' country only");
  }

  @Test
  void R_CAT_2_a_GB_domestic_calling_plan_brings_1200_minutes_and_an_international_plan_600() {
    buy("PHONE_SYSTEM", 2);
    buy("DOMESTIC_CALLING_PLAN", 2);
    buy("INTERNATIONAL_CALLING_PLAN", 1);
    String a = user("gb-a", "GB");
    String b = user("gb-b", "GB");
    for (String u : List.of(a, b)) {
      assertEquals(200, assign(u, "PHONE_SYSTEM").status());
      assertEquals(200, assign(u, "DOMESTIC_CALLING_PLAN").status());
    }
    assertEquals(200, assign(a, "INTERNATIONAL_CALLING_PLAN").status());
    assertEquals(2400, pool("GB", "DOMESTIC"));
    assertEquals(600, pool("GB", "INTERNATIONAL"));
  }

  @Test
  void R_LIC_1_assignment_never_exceeds_purchase_and_says_how_many_are_free() {
    buy("PHONE_SYSTEM", 1);
    assertEquals(200, assign(user("one", "US"), "PHONE_SYSTEM").status());
    ApiClient.Reply refused = assign(user("two", "US"), "PHONE_SYSTEM");
    assertEquals(400, refused.status());
    String message = refused.json().getJsonArray("errors").getJsonObject(0).getString("message");
    assertTrue(message.contains("all 1") && message.contains("0 free"), message);
    assertEquals(400, assign(user("three", "US"), "AUDIO_CONFERENCING").status(), "none purchased");
  }

  @Test
  void R_LIC_1_concurrent_assignments_never_exceed_the_purchase() throws Exception {
    buy("PHONE_SYSTEM", 5);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      users.add(user("race" + i, "US"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (String u : users) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return assign(u, "PHONE_SYSTEM").status();
              }));
    }
    start.countDown();
    int ok = 0;
    for (Future<Integer> f : results) {
      if (f.get(2, TimeUnit.MINUTES) == 200) {
        ok++;
      }
    }
    pool.shutdown();
    assertEquals(5, ok);
    assertEquals(
        5,
        Fixtures.count(
            "SELECT COUNT(*) FROM licence_assignment WHERE organisation_id = ? AND sku = "
                + "'PHONE_SYSTEM' AND removed_at IS NULL",
            org.id()));
  }

  @Test
  void R_LIC_2_a_calling_plan_needs_phone_system_and_phone_system_cannot_leave_under_it() {
    buy("PHONE_SYSTEM", 1);
    buy("DOMESTIC_CALLING_PLAN", 1);
    buy("COMMUNICATIONS_CREDITS", 1);
    String u = user("deps", "US");
    ApiClient.Reply plan = assign(u, "DOMESTIC_CALLING_PLAN");
    assertEquals(400, plan.status());
    assertTrue(plan.body().contains("needs Phone System"), plan.body());
    ApiClient.Reply credits = assign(u, "COMMUNICATIONS_CREDITS");
    assertEquals(400, credits.status());
    assertTrue(credits.body().contains("Phone System or Audio Conferencing"), credits.body());

    assertEquals(200, assign(u, "PHONE_SYSTEM").status());
    assertEquals(200, assign(u, "DOMESTIC_CALLING_PLAN").status());
    ApiClient.Reply remove = api.delete("users/" + u + "/licences/PHONE_SYSTEM", key);
    assertEquals(400, remove.status());
    assertTrue(remove.body().contains("depends on"), remove.body());
    assertEquals(200, api.delete("users/" + u + "/licences/DOMESTIC_CALLING_PLAN", key).status());
    assertEquals(200, api.delete("users/" + u + "/licences/PHONE_SYSTEM", key).status());
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM licence_assignment WHERE user_id = (SELECT id FROM "
                + "directory_user WHERE upn = ?) AND removed_at IS NULL",
            u));
    assertTrue(
        Fixtures.count(
                "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                    + "'LICENCE_REMOVED'",
                org.id())
            >= 2,
        "licence changes are audited");
  }

  @Test
  void R_LIC_2_business_voice_includes_phone_system_for_a_calling_plan_add_on() {
    buy("BUSINESS_VOICE", 1);
    buy("INTERNATIONAL_CALLING_PLAN", 1);
    String u = user("bv", "US");
    assertEquals(200, assign(u, "BUSINESS_VOICE").status());
    assertEquals(200, assign(u, "INTERNATIONAL_CALLING_PLAN").status());
    ApiClient.Reply read = api.get("users/" + u, key);
    assertEquals(
        List.of("BUSINESS_VOICE", "INTERNATIONAL_CALLING_PLAN"),
        read.json().getJsonArray("licences").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());
  }

  @Test
  void R_SUB_1_bad_purchases_and_unknown_skus_are_refused_and_change_nothing() {
    assertEquals(400, api.post("subscriptions", key, "{\"sku\":\"NOPE\",\"quantity\":1}").status());
    assertEquals(
        400, api.post("subscriptions", key, "{\"sku\":\"PHONE_SYSTEM\",\"quantity\":0}").status());
    assertEquals(
        400,
        api.post("subscriptions", key, "{\"sku\":\"PHONE_SYSTEM\",\"quantity\":\"3\"}").status());
    assertEquals(
        403,
        api.post(
                "subscriptions",
                org.key(Role.USER_ADMIN),
                "{\"sku\":\"PHONE_SYSTEM\",\"quantity\":1}")
            .status());
    assertEquals(
        0, Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", org.id()));
    String u = user("x", "US");
    assertEquals(400, assign(u, "NOPE").status());
    assertEquals(400, api.get("pools?month=2026-13", key).status());
  }

  @Test
  void R_ORG_1_another_organisations_users_answer_404() {
    buy("PHONE_SYSTEM", 1);
    String u = user("mine", "US");
    TestOrg other = Fixtures.organisation("Intruder", "USD");
    Fixtures.card(other);
    assertEquals(404, api.get("users/" + u, other.key(Role.GLOBAL_ADMIN)).status());
    assertEquals(
        404,
        api.put("users/" + u + "/licences/PHONE_SYSTEM", other.key(Role.GLOBAL_ADMIN), "")
            .status());
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM licence_assignment WHERE organisation_id = ?", other.id()));
  }

  private ApiClient.Reply purchase(String body, String requestKey) {
    return api.send("POST", "subscriptions", key, body, requestKey);
  }

  private static BigDecimal paid(String gatewayKey) {
    return Fixtures.decimal(
        "SELECT COALESCE(SUM(amount), 0) FROM sandbox_payment WHERE idempotency_key = ? "
            + "AND outcome = 'APPROVED'",
        gatewayKey);
  }

  @Test
  void R_SUB_1_buying_three_business_voice_on_a_card_charges_the_first_month_and_is_audited() {
    String requestKey = "buy-" + UUID.randomUUID();
    ApiClient.Reply reply = purchase("{\"sku\":\"BUSINESS_VOICE\",\"quantity\":3}", requestKey);
    assertEquals(201, reply.status(), reply.body());
    long id = reply.json().getJsonNumber("id").longValue();
    // 20.00 USD a licence and month, three licences, on the fixture card (the default method)
    assertEquals(
        0, new BigDecimal("60.00").compareTo(paid("subscription-" + org.id() + "-" + requestKey)));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM subscription_charge WHERE subscription_id = ? AND licences = 3 "
                + "AND amount = 60 AND gateway_reference IS NOT NULL",
            id));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'SUBSCRIPTION_CREATED' AND target_id = ? AND summary LIKE '%60.00 USD%' "
                + "AND after_state LIKE '%quantity=3%'",
            org.id(), String.valueOf(id)));
  }

  @Test
  void R_SUB_1_a_declined_card_refuses_the_purchase_and_creates_no_subscription() {
    int year = YearMonth.now().getYear() + 2;
    ApiClient.Reply card =
        api.post(
            "payment-methods",
            key,
            "{\"type\":\"CARD\",\"cardNumber\":\"4000000000000002\",\"expiryMonth\":12,"
                + "\"expiryYear\":"
                + year
                + ",\"cvc\":\"123\"}");
    assertEquals(201, card.status(), card.body());
    long declining = card.json().getJsonNumber("id").longValue();
    String requestKey = "declined-" + UUID.randomUUID();
    ApiClient.Reply reply =
        purchase(
            "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":3,\"paymentMethodId\":" + declining + "}",
            requestKey);
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertTrue(reply.body().contains("paymentMethodId") && reply.body().contains("declined"));
    assertEquals(
        0, Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", org.id()));
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM subscription_charge WHERE organisation_id = ?", org.id()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM sandbox_payment WHERE idempotency_key = ? AND outcome = 'DECLINED'",
            "subscription-" + org.id() + "-" + requestKey));
  }

  @Test
  void R_SUB_1_increasing_a_quantity_bills_only_the_added_licences_and_a_decrease_bills_nothing() {
    ApiClient.Reply bought = purchase("{\"sku\":\"PHONE_SYSTEM\",\"quantity\":2}", null);
    assertEquals(201, bought.status(), bought.body());
    long id = bought.json().getJsonNumber("id").longValue();
    String more = "more-" + UUID.randomUUID();
    ApiClient.Reply increased =
        api.send("PATCH", "subscriptions/" + id, key, "{\"quantity\":5}", more);
    assertEquals(200, increased.status(), increased.body());
    assertEquals(5, increased.json().getInt("quantity"));
    // 8.00 a Phone System licence: three added, 24.00
    assertEquals(
        0, new BigDecimal("24.00").compareTo(paid("subscription-" + org.id() + "-" + more)));
    ApiClient.Reply fewer = api.send("PATCH", "subscriptions/" + id, key, "{\"quantity\":4}", null);
    assertEquals(200, fewer.status(), fewer.body());
    assertEquals(
        0,
        new BigDecimal("40.00")
            .compareTo(
                Fixtures.decimal(
                    "SELECT SUM(amount) FROM subscription_charge WHERE subscription_id = ?", id)));
    assertEquals(
        2,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'SUBSCRIPTION_CHANGED' AND before_state LIKE 'sku=PHONE_SYSTEM%'",
            org.id()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'SUBSCRIPTION_CHANGED' AND before_state LIKE '%quantity=5%' "
                + "AND after_state LIKE '%quantity=4%' AND summary LIKE '%nothing billed%'",
            org.id()));
  }

  @Test
  void R_SUB_1_the_same_request_key_twice_bills_once_and_another_request_under_it_is_refused() {
    String requestKey = "twice-" + UUID.randomUUID();
    String body = "{\"sku\":\"AUDIO_CONFERENCING\",\"quantity\":4}";
    ApiClient.Reply first = purchase(body, requestKey);
    ApiClient.Reply second = purchase(body, requestKey);
    assertEquals(201, first.status(), first.body());
    assertEquals(201, second.status(), second.body());
    assertEquals(first.json().getJsonNumber("id"), second.json().getJsonNumber("id"));
    assertEquals(
        1, Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", org.id()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM subscription_charge WHERE organisation_id = ?", org.id()));
    assertEquals(
        0, new BigDecimal("16.00").compareTo(paid("subscription-" + org.id() + "-" + requestKey)));
    ApiClient.Reply other = purchase("{\"sku\":\"AUDIO_CONFERENCING\",\"quantity\":5}", requestKey);
    assertEquals(422, other.status(), other.body());
  }

  @Test
  void R_SUB_1_an_organisation_without_a_payment_method_cannot_buy_priced_licences() {
    TestOrg bare = Fixtures.organisation("Unpaid", "USD");
    ApiClient.Reply reply =
        api.post(
            "subscriptions",
            bare.key(Role.GLOBAL_ADMIN),
            "{\"sku\":\"PHONE_SYSTEM\",\"quantity\":1}");
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.body().contains("paymentMethodId"), reply.body());
    assertEquals(
        0,
        Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", bare.id()));
  }

  @Test
  void R_PAY_1_licences_on_an_EA_stay_within_the_month_limit_the_operator_registered() {
    String number = "6" + String.valueOf(System.nanoTime()).substring(0, 7);
    Fixtures.eaAgreement(org, number, "50.00");
    ApiClient.Reply ea =
        api.post(
            "payment-methods",
            key,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + number + "\"}");
    assertEquals(201, ea.status(), ea.body());
    long method = ea.json().getJsonNumber("id").longValue();
    long before =
        Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", org.id());
    // three Business Voice licences are 60.00 a month: over the EA's 50.00
    ApiClient.Reply over =
        purchase(
            "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":3,\"paymentMethodId\":" + method + "}",
            "ea-over-" + UUID.randomUUID());
    assertEquals(400, over.status(), over.body());
    assertTrue(over.body().contains("remains"), over.body());
    assertEquals(
        before,
        Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", org.id()),
        "nothing was bought");
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND ea_number = ?",
            org.id(),
            number));
    ApiClient.Reply within =
        purchase(
            "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":2,\"paymentMethodId\":" + method + "}",
            "ea-within-" + UUID.randomUUID());
    assertEquals(201, within.status(), within.body());
  }
}
