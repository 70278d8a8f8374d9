package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings > Rates (R-RATE-1): every Global admin reads and exports the published cards; only the
 * operator's Global admins import one, through a per-row error report and a preview, once, with one
 * audit entry; rating uses the new card at once. The test puts the card back as it found it.
 */
@ExtendWith(ArquillianExtension.class)
class RateCardsIT {
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private static TestOrg operator() {
    TestOrg ops = Fixtures.organisation("RateDesk", "USD");
    Fixtures.update("UPDATE organisation SET publishes_rates = TRUE WHERE id = ?", ops.id());
    return ops;
  }

  @Test
  void R_RATE_1_every_global_admin_reads_and_exports_the_cards_and_only_the_operator_may_import()
      throws Exception {
    TestOrg customer = Fixtures.organisation("RateReader", "GBP");
    WebSession global = new WebSession(base.toURI()).signedIn(customer.email(Role.GLOBAL_ADMIN));
    String page = global.get("settings/rates?currency=GBP").body();
    assertTrue(
        page.contains("Communications Credits rates (GBP)")
            && page.contains("United Kingdom mobile"),
        page);
    assertFalse(page.contains("Import the GBP card"), "a customer's Global admin has no import");
    String filtered = global.get("settings/rates?currency=GBP&kind=OUTBOUND&q=%2B447").body();
    assertTrue(
        filtered.contains("United Kingdom mobile") && !filtered.contains("Germany"),
        "filtered by prefix");
    assertEquals(404, global.get("settings/rates?currency=JPY").statusCode());

    String csv = global.get("settings/rates?currency=GBP&export=csv").body();
    assertTrue(
        csv.startsWith(
            "kind,prefix,description,per_minute,connection_fee,increment_seconds,minimum_seconds,"
                + "effective_from,effective_to\r\n"),
        csv);
    assertTrue(csv.contains("OUTBOUND,'+447,United Kingdom mobile,"), csv);

    HttpResponse<String> upload =
        global.upload("settings/rates?currency=GBP", "file", "rates.csv", csv);
    assertEquals(403, upload.statusCode(), "a customer cannot publish rates");
    assertEquals(
        403,
        new WebSession(base.toURI())
            .signedIn(customer.email(Role.BILLING_ADMIN))
            .get("settings/rates")
            .statusCode(),
        "Settings are for Global admins");
    assertTrue(
        new WebSession(base.toURI())
            .signedIn(operator().email(Role.GLOBAL_ADMIN))
            .get("settings/rates?currency=GBP")
            .body()
            .contains("Import the GBP card"));
  }

  @Test
  void
      R_RATE_1_an_import_reports_bad_rows_then_previews_and_replaces_the_card_once_and_rating_uses_it()
          throws Exception {
    TestOrg ops = operator();
    WebSession desk = new WebSession(base.toURI()).signedIn(ops.email(Role.GLOBAL_ADMIN));
    String original = desk.get("settings/rates?currency=USD&export=csv").body();
    String callee = "+447955512345";
    TestOrg customer = Fixtures.organisation("RateUser", "USD");
    ApiClient api = new ApiClient(base.toURI());
    String upn = api.creditsCaller(customer);
    Fixtures.update("UPDATE wallet SET balance = 6.00 WHERE organisation_id = ?", customer.id());
    assertEquals(
        3000,
        maxSeconds(api, customer, upn, callee),
        "6.00 at the UK mobile rate of 0.12 a minute");

    try {
      HttpResponse<String> bad =
          desk.upload(
              "settings/rates?currency=USD",
              "file",
              "bad.csv",
              original
                  + "OUTBOUND,+44795,UK test range,abc,0,60,60,2026-01-01,\r\nOUTBOUND,+44795,Again,0.5,0,60,60,2026-01-01,\r\n");
      assertEquals(400, bad.statusCode());
      assertTrue(
          bad.body().contains("Nothing was changed: 1 problems")
              || bad.body().contains("Nothing was changed"),
          bad.body());
      assertTrue(
          bad.body().contains("per_minute") && bad.body().contains("Write an amount like 0.0250."));
      assertEquals(
          original, desk.get("settings/rates?currency=USD&export=csv").body(), "nothing changed");

      String edited =
          original.replaceAll("(?m)^OUTBOUND,'\\+336,[^\\r\\n]*\\r\\n", "")
              + "OUTBOUND,+44795,UK test range,0.5000,0.1000,60,60,2026-01-01,\r\n";
      HttpResponse<String> preview =
          desk.upload("settings/rates?currency=USD", "file", "rates.csv", edited);
      assertEquals(200, preview.statusCode(), preview.body());
      assertTrue(preview.body().contains(": 1 added, 0 changed, 1 removed,"), preview.body());
      assertEquals(
          original,
          desk.get("settings/rates?currency=USD&export=csv").body(),
          "a preview changes nothing");
      long audited = audits(ops);

      Matcher token = TOKEN.matcher(preview.body());
      assertTrue(token.find());
      Map<String, String> confirm =
          Map.of("currency", "USD", "token", token.group(1), "action", "confirm");
      assertEquals(302, desk.post("settings/rates", confirm).statusCode());
      assertTrue(
          desk.get("settings/rates?currency=USD")
              .body()
              .contains("was replaced: 1 added, 0 changed, 1 removed"));
      assertEquals(302, desk.post("settings/rates", confirm).statusCode(), "a second confirmation");
      assertTrue(
          desk.get("settings/rates?currency=USD").body().contains("already has these rates"));
      assertEquals(audited + 1, audits(ops), "one audit entry for one replacement");
      String now = desk.get("settings/rates?currency=USD&export=csv").body();
      assertTrue(
          now.contains("+44795,UK test range,0.5000,0.1000") && !now.contains("'+336,"), now);

      assertEquals(
          660,
          maxSeconds(api, customer, upn, callee),
          "(6.00 - 0.10) at 0.50 a minute, in whole minutes");
    } finally {
      HttpResponse<String> back =
          desk.upload("settings/rates?currency=USD", "file", "original.csv", original);
      Matcher token = TOKEN.matcher(back.body());
      if (token.find()) {
        desk.post(
            "settings/rates",
            Map.of("currency", "USD", "token", token.group(1), "action", "confirm"));
      }
    }
    assertEquals(
        original,
        desk.get("settings/rates?currency=USD&export=csv").body(),
        "the card is as it was");
    assertEquals(3000, maxSeconds(api, customer, upn, callee));
  }

  private static long audits(TestOrg org) {
    return Fixtures.count(
        "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = 'RATE_CARD_REPLACED'",
        org.id());
  }

  private static long maxSeconds(ApiClient api, TestOrg org, String upn, String to) {
    ApiClient.Reply reply =
        api.post(
            "calls/authorize",
            org.key(Role.PLATFORM),
            "{\"callId\":\"r-"
                + System.nanoTime()
                + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
                + upn
                + "\",\"from\":\"+14255550100\",\"to\":\""
                + to
                + "\"}");
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.json().getBoolean("allowed"), reply.body());
    return reply.json().getJsonNumber("maxDurationSeconds").longValue();
  }
}
