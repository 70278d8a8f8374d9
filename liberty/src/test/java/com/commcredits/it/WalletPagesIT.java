package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.access.Role;
import com.commcredits.it.Fixtures.TestOrg;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wallet pages as a Billing admin uses them (R-FUND-7, R-FUND-9, R-PAY-1, R-PAY-2, R-REP-3, R-SEC-3). */
@ExtendWith(ArquillianExtension.class)
class WalletPagesIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private record Setup(TestOrg org, WebSession web, long visa, long ea) {}

  private Setup billingAdminWithMethods() throws Exception {
    TestOrg org = Fixtures.organisation("Pages", "USD");
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    String year = String.valueOf(YearMonth.now().getYear() + 2);
    assertEquals(302, web.post("billing/payment-methods", Map.of("action", "card", "cardNumber", "4242 4242 4242 4242",
        "expiryMonth", "11", "expiryYear", year, "cvc", "123")).statusCode());
    assertEquals(302, web.post("billing/payment-methods", Map.of("action", "ea", "eaNumber", "13572468",
        "label", "Main EA")).statusCode());
    long visa = Fixtures.count("SELECT id FROM payment_method WHERE organisation_id = ? AND kind = 'CARD'", org.id());
    long ea = Fixtures.count("SELECT id FROM payment_method WHERE organisation_id = ? AND kind = "
        + "'ENTERPRISE_AGREEMENT'", org.id());
    return new Setup(org, web, visa, ea);
  }

  private static Map<String, String> funds(String amount, long method, String po, String key) {
    Map<String, String> form = new HashMap<>(Map.of("amount", amount, "paymentMethodId", String.valueOf(method),
        "idempotencyKey", key, "action", "fund"));
    if (po != null) {
      form.put("purchaseOrder", po);
    }
    return form;
  }

  private static long lots(TestOrg org) {
    return Fixtures.count("SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
        + "WHERE w.organisation_id = ?", org.id());
  }

  private static BigDecimal balance(TestOrg org) {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE organisation_id = ?", org.id());
  }

  @Test
  void R_SUB_1_buy_now_with_an_EA_and_PO_opens_the_wallet_with_its_first_funds() throws Exception {
    Setup s = billingAdminWithMethods();
    assertEquals(302, s.web().get("billing/credits").statusCode(), "no wallet yet: to the checkout");
    assertTrue(s.web().get("billing/subscriptions").body().contains("Buy now"));
    HttpResponse<String> placed = s.web().post("billing/credits/buy", funds("500.00", s.ea(), "PO-2026-9",
        UUID.randomUUID().toString()));
    assertEquals(302, placed.statusCode(), placed.body());
    assertEquals(1, Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ? AND sku = "
        + "'COMMUNICATIONS_CREDITS'", s.org().id()));
    assertEquals(0, new BigDecimal("500.00").compareTo(balance(s.org())));
    assertEquals(1, Fixtures.count("SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND purchase_order "
        + "= 'PO-2026-9'", s.org().id()));
    String page = s.web().get("billing/credits").body();
    assertTrue(page.contains("500.00 USD"));
    assertTrue(page.contains("Enterprise Agreement"));
  }

  @Test
  void R_FUND_7_the_same_form_posted_twice_adds_funds_once() throws Exception {
    Setup s = billingAdminWithMethods();
    s.web().post("billing/credits/buy", funds("20.00", s.ea(), null, UUID.randomUUID().toString()));
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = s.web().post("billing/credits", funds("35.00", s.visa(), null, key));
    HttpResponse<String> again = s.web().post("billing/credits", funds("35.00", s.visa(), null, key));
    assertEquals(302, first.statusCode());
    assertEquals(302, again.statusCode());
    assertEquals(2, lots(s.org()), "the checkout lot and one lot for the double submission");
    assertEquals(0, new BigDecimal("55.00").compareTo(balance(s.org())));
    assertTrue(s.web().get("billing/credits").body().contains("was already placed"), "the repeat says so");
  }

  @Test
  void R_PAY_2_declined_and_expired_cards_add_nothing_and_say_why_beside_the_payment_method() throws Exception {
    Setup s = billingAdminWithMethods();
    s.web().post("billing/credits/buy", funds("20.00", s.ea(), null, UUID.randomUUID().toString()));
    String year = String.valueOf(YearMonth.now().getYear() + 1);
    for (String number : List.of("4000000000000002", "4000000000000069")) {
      s.web().post("billing/payment-methods", Map.of("action", "card", "cardNumber", number, "expiryMonth", "6",
          "expiryYear", year, "cvc", "321"));
    }
    long declined = Fixtures.count("SELECT id FROM payment_method WHERE organisation_id = ? AND card_last4 = '0002'",
        s.org().id());
    long expired = Fixtures.count("SELECT id FROM payment_method WHERE organisation_id = ? AND card_last4 = '0069'",
        s.org().id());
    HttpResponse<String> d = s.web().post("billing/credits", funds("50.00", declined, null, UUID.randomUUID().toString()));
    HttpResponse<String> e = s.web().post("billing/credits", funds("50.00", expired, null, UUID.randomUUID().toString()));
    assertEquals(400, d.statusCode());
    assertTrue(d.body().contains("id=\"paymentMethodId-error\"") && d.body().contains("declined"), "reason beside the field");
    assertEquals(400, e.statusCode());
    assertTrue(e.body().contains("expired"));
    assertEquals(1, lots(s.org()));
    assertEquals(0, new BigDecimal("20.00").compareTo(balance(s.org())));
  }

  @Test
  void R_FUND_9_bad_amounts_and_foreign_methods_are_answered_beside_the_field_and_change_nothing() throws Exception {
    Setup s = billingAdminWithMethods();
    s.web().post("billing/credits/buy", funds("20.00", s.ea(), null, UUID.randomUUID().toString()));
    Setup other = billingAdminWithMethods();
    for (String amount : List.of("0", "-5", "1.234", "100000.01", "9.99", "ten")) {
      HttpResponse<String> r = s.web().post("billing/credits", funds(amount, s.visa(), null, UUID.randomUUID().toString()));
      assertEquals(400, r.statusCode(), amount);
      assertTrue(r.body().contains("id=\"amount-error\""), amount);
    }
    HttpResponse<String> foreign = s.web().post("billing/credits", funds("25.00", other.visa(), null,
        UUID.randomUUID().toString()));
    assertEquals(400, foreign.statusCode());
    assertTrue(foreign.body().contains("id=\"paymentMethodId-error\""));
    HttpResponse<String> poOnCard = s.web().post("billing/credits", funds("25.00", s.visa(), "PO-1",
        UUID.randomUUID().toString()));
    assertTrue(poOnCard.body().contains("id=\"purchaseOrder-error\""));
    assertEquals(1, lots(s.org()));
    assertEquals(404, s.web().post("billing/payment-methods", Map.of("action", "remove", "id",
        String.valueOf(other.visa()))).statusCode(), "another organisation's card cannot be removed");
    assertEquals(1, Fixtures.count("SELECT COUNT(*) FROM payment_method WHERE id = ? AND removed_at IS NULL",
        other.visa()));
  }

  @Test
  void R_SEC_3_a_manual_adjustment_needs_a_reason_is_in_the_ledger_and_is_audited() throws Exception {
    Setup s = billingAdminWithMethods();
    s.web().post("billing/credits/buy", funds("100.00", s.ea(), null, UUID.randomUUID().toString()));
    HttpResponse<String> noReason = s.web().post("billing/credits", Map.of("action", "adjust", "direction", "DEBIT",
        "amount", "5.00", "reason", "", "idempotencyKey", UUID.randomUUID().toString()));
    assertEquals(400, noReason.statusCode());
    assertTrue(noReason.body().contains("id=\"reason-error\""));
    HttpResponse<String> debit = s.web().post("billing/credits", Map.of("action", "adjust", "direction", "DEBIT",
        "amount", "12.50", "reason", "Goodwill correction #42", "idempotencyKey", UUID.randomUUID().toString()));
    assertEquals(302, debit.statusCode());
    assertEquals(0, new BigDecimal("87.50").compareTo(balance(s.org())));
    assertTrue(s.web().get("billing/credits").body().contains("Goodwill correction #42"));
    assertEquals(1, Fixtures.count("SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
        + "'WALLET_ADJUSTED' AND summary LIKE '%Goodwill%' AND before_state = 'balance=100.00 USD'", s.org().id()));
  }

  @Test
  void R_REP_3_transactions_export_as_CSV_with_the_running_balance() throws Exception {
    Setup s = billingAdminWithMethods();
    s.web().post("billing/credits/buy", funds("40.00", s.ea(), null, UUID.randomUUID().toString()));
    s.web().post("billing/credits", funds("10.00", s.visa(), null, UUID.randomUUID().toString()));
    HttpResponse<String> csv = s.web().get("billing/credits?export=csv");
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("Date,Type,Description"), lines[0]);
    assertEquals(3, lines.length);
    assertTrue(lines[1].contains(",10.00,50.00,USD,"), lines[1]);
    assertTrue(lines[2].contains(",40.00,40.00,USD,"), lines[2]);
  }

  @Test
  void R_SEC_1_a_reports_reader_cannot_open_the_wallet_pages() throws Exception {
    TestOrg org = Fixtures.organisation("Reader", "USD");
    WebSession reader = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    assertEquals(403, reader.get("billing/credits").statusCode());
    assertEquals(403, reader.get("billing/payment-methods").statusCode());
    assertFalse(reader.get("").body().contains("billing/credits"));
  }

  @Test
  void R_RECH_1_the_checkout_can_turn_auto_recharge_on_and_refuses_bad_recharge_fields_before_paying() throws Exception {
    Setup s = billingAdminWithMethods();
    Map<String, String> bad = funds("100.00", s.visa(), null, UUID.randomUUID().toString());
    bad.putAll(Map.of("autoRecharge", "on", "rechargeAmount", "5.00", "triggerBelow", "-1"));
    HttpResponse<String> refused = s.web().post("billing/credits/buy", bad);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("id=\"rechargeAmount-error\"") && refused.body().contains("id=\"triggerBelow-error\""));
    assertEquals(0, Fixtures.count("SELECT COUNT(*) FROM wallet WHERE organisation_id = ?", s.org().id()),
        "nothing bought, nothing paid");

    Map<String, String> good = funds("100.00", s.visa(), null, UUID.randomUUID().toString());
    good.putAll(Map.of("autoRecharge", "on", "rechargeAmount", "25.00", "triggerBelow", "20.00"));
    assertEquals(302, s.web().post("billing/credits/buy", good).statusCode());
    assertEquals(1, Fixtures.count("SELECT COUNT(*) FROM auto_recharge r JOIN wallet w ON w.id = r.wallet_id WHERE "
        + "w.organisation_id = ? AND r.enabled = 1 AND r.recharge_amount = 25 AND r.trigger_below = 20", s.org().id()));
    assertTrue(s.web().get("billing/credits").body().contains("Auto-recharge is on"));
  }
}
