package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
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
 * EA auto-recharge with a PO, a changed PO for later recharges, and the monthly statements
 * (R-PAY-3, R-RECH-1).
 */
@ExtendWith(ArquillianExtension.class)
class EaStatementsIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  /** Usage stands in as the operator's debit (R-FUND-12): the only hand-made debit. */
  private void debit(TestOrg org, String amount) throws Exception {
    new ApiClient(base.toURI()).operatorAdjust(org, "DEBIT", amount, "usage");
  }

  private static void await(TestOrg org, long lines) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ?", org.id())
        < lines) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no recharge on the EA");
      }
      Thread.sleep(250);
    }
  }

  @Test
  void R_PAY_3_a_changed_PO_applies_to_later_EA_recharges_and_each_PO_has_its_monthly_statement()
      throws Exception {
    TestOrg org = Fixtures.organisation("Statements", "USD");
    Fixtures.wallet(org);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    Fixtures.eaAgreement(org, "31415926");
    web.post("billing/payment-methods", Map.of("action", "ea", "eaNumber", "31415926"));
    String ea =
        String.valueOf(
            Fixtures.count("SELECT id FROM payment_method WHERE organisation_id = ?", org.id()));
    new ApiClient(base.toURI()).operatorAdjust(org, "CREDIT", "60.00", "start");
    web.get("billing/credits");
    HttpResponse<String> saved =
        web.post(
            "billing/credits",
            Map.of(
                "action",
                "recharge",
                "enabled",
                "on",
                "rechargeAmount",
                "20.00",
                "triggerBelow",
                "50.00",
                "paymentMethodId",
                ea,
                "rechargePurchaseOrder",
                "PO-A"));
    assertEquals(302, saved.statusCode(), saved.body());

    debit(org, "20.00");
    await(org, 1);
    web.get("billing/credits");
    assertEquals(
        302,
        web.post(
                "billing/credits",
                Map.of(
                    "action",
                    "recharge",
                    "enabled",
                    "on",
                    "rechargeAmount",
                    "20.00",
                    "triggerBelow",
                    "50.00",
                    "paymentMethodId",
                    ea,
                    "rechargePurchaseOrder",
                    "PO-B"))
            .statusCode());
    debit(org, "20.00");
    await(org, 2);

    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND purchase_order "
                + "= 'PO-A' AND amount = 20",
            org.id()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND purchase_order "
                + "= 'PO-B' AND amount = 20",
            org.id()));
    String page = web.get("billing/statements").body();
    assertTrue(page.contains("PO-A") && page.contains("PO-B"));
    String month = YearMonth.now(ZoneId.of("America/Los_Angeles")).toString();
    HttpResponse<String> csv = web.get("billing/statements?ea=31415926&po=PO-B&month=" + month);
    assertEquals(200, csv.statusCode());
    String[] lines = csv.body().split("\r\n");
    assertEquals(3, lines.length, csv.body());
    assertTrue(lines[1].contains(",31415926,PO-B,") && lines[1].endsWith(",20.00,USD"), lines[1]);
    assertTrue(lines[2].startsWith("Total,") && lines[2].endsWith(",20.00,USD"), lines[2]);
    assertEquals(404, web.get("billing/statements?ea=99999999&po=&month=" + month).statusCode());
  }

  @Test
  void R_SUB_1_licences_bought_on_an_EA_are_a_line_of_its_statement_and_its_CSV() throws Exception {
    TestOrg org = Fixtures.organisation("EaLicences", "USD");
    Fixtures.eaAgreement(org, "27182818");
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    web.post("billing/payment-methods", Map.of("action", "ea", "eaNumber", "27182818"));
    String ea =
        String.valueOf(
            Fixtures.count("SELECT id FROM payment_method WHERE organisation_id = ?", org.id()));
    web.get("billing/subscriptions");
    HttpResponse<String> bought =
        web.post(
            "billing/subscriptions",
            Map.of(
                "action",
                "buy",
                "sku",
                "BUSINESS_VOICE",
                "quantity",
                "3",
                "paymentMethodId",
                ea,
                "requestKey",
                UUID.randomUUID().toString()));
    assertEquals(302, bought.statusCode(), bought.body());
    long subscription =
        Fixtures.count("SELECT id FROM subscription WHERE organisation_id = ?", org.id());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND kind = "
                + "'SUBSCRIPTION' AND funding_id IS NULL AND amount = 60",
            org.id()));
    assertTrue(web.get("billing/statements").body().contains("27182818"));
    String month = YearMonth.now(ZoneId.of("America/Los_Angeles")).toString();
    HttpResponse<String> csv = web.get("billing/statements?ea=27182818&po=&month=" + month);
    assertEquals(200, csv.statusCode());
    String[] lines = csv.body().split("\r\n");
    assertEquals(3, lines.length, csv.body());
    assertTrue(
        lines[1].contains(
                ",27182818,,Licences,3 x BUSINESS_VOICE (subscription " + subscription + "),")
            && lines[1].endsWith(",60.00,USD"),
        lines[1]);
    assertTrue(lines[2].startsWith("Total,") && lines[2].endsWith(",60.00,USD"), lines[2]);
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'SUBSCRIPTION_CREATED' AND summary LIKE '%60.00 USD%EA 27182818%'",
            org.id()));
  }
}
