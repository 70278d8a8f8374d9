package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wallet pages as a Billing admin uses them: the checkout, Add more funds, the lots, the
 * transactions and payment methods (R-SUB-1, R-FUND-4, R-FUND-5, R-FUND-7, R-FUND-9, R-PAY-1,
 * R-PAY-2, R-REP-3, R-SEC-1, R-ORG-1). Money moved by hand is the operator's (R-FUND-12,
 * OperatorIT): these tests ask the operator's API for it.
 */
@ExtendWith(ArquillianExtension.class)
class WalletPagesIT {
  /** Fixture organisations live in this zone; the transactions filter counts days in it. */
  private static final ZoneId ORG_ZONE = ZoneId.of("America/Los_Angeles");

  private static final Pattern FORM_KEY =
      Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private record Setup(TestOrg org, WebSession web, long visa, long ea) {}

  /**
   * A Billing admin signed in, with a sandbox Visa 4242 and an EA number added through Payment
   * methods.
   */
  private Setup billingAdminWithMethods() throws Exception {
    TestOrg org = Fixtures.organisation("Pages", "USD");
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    long visa = addCard(org, web, "4242 4242 4242 4242", "4242");
    Fixtures.eaAgreement(org, "13572468");
    assertEquals(
        302,
        web.post(
                "billing/payment-methods",
                Map.of("action", "ea", "eaNumber", "13572468", "label", "Main EA"))
            .statusCode());
    long ea =
        Fixtures.count(
            "SELECT id FROM payment_method WHERE organisation_id = ? AND kind = "
                + "'ENTERPRISE_AGREEMENT'",
            org.id());
    return new Setup(org, web, visa, ea);
  }

  /** As above, with Communications Credits bought on the EA for the first amount. */
  private Setup withWallet(String firstAmount) throws Exception {
    Setup s = billingAdminWithMethods();
    assertEquals(
        302,
        s.web()
            .post(
                "billing/credits/buy",
                funds(firstAmount, s.ea(), null, UUID.randomUUID().toString()))
            .statusCode());
    return s;
  }

  private static long addCard(TestOrg org, WebSession web, String number, String last4) {
    String year = String.valueOf(YearMonth.now().getYear() + 2);
    assertEquals(
        302,
        web.post(
                "billing/payment-methods",
                Map.of(
                    "action",
                    "card",
                    "cardNumber",
                    number,
                    "expiryMonth",
                    "11",
                    "expiryYear",
                    year,
                    "cvc",
                    "123"))
            .statusCode());
    return Fixtures.count(
        "SELECT MAX(id) FROM payment_method WHERE organisation_id = ? AND kind = 'CARD' "
            + "AND card_last4 = ?",
        org.id(),
        last4);
  }

  private static Map<String, String> funds(String amount, long method, String po, String key) {
    Map<String, String> form =
        new HashMap<>(
            Map.of(
                "amount",
                amount,
                "paymentMethodId",
                String.valueOf(method),
                "idempotencyKey",
                key,
                "action",
                "fund"));
    if (po != null) {
      form.put("purchaseOrder", po);
    }
    return form;
  }

  /** A manual adjustment, made by the operator (R-FUND-12). */
  private void adjust(TestOrg org, String direction, String amount, String reason)
      throws Exception {
    new ApiClient(base.toURI()).operatorAdjust(org, direction, amount, reason);
  }

  /** How the tenant's ledger labels the operator's adjustment. */
  private static String adjusted(String reason) {
    return "Adjustment by " + Fixtures.operator().name() + ": " + reason;
  }

  private static long lots(TestOrg org) {
    return Fixtures.count(
        "SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
            + "WHERE w.organisation_id = ?",
        org.id());
  }

  private static long fundings(TestOrg org) {
    return Fixtures.count("SELECT COUNT(*) FROM funding WHERE organisation_id = ?", org.id());
  }

  private static BigDecimal balance(TestOrg org) {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE organisation_id = ?", org.id());
  }

  private static void assertBalance(String expected, TestOrg org) {
    assertEquals(0, new BigDecimal(expected).compareTo(balance(org)), "balance " + balance(org));
  }

  /**
   * The idempotency key of the first funds form on a page (Add more funds comes before the
   * adjustment).
   */
  private static String formKey(String page) {
    Matcher m = FORM_KEY.matcher(page);
    assertTrue(m.find(), "the form carries an idempotency key");
    return m.group(1);
  }

  @Test
  void R_SUB_1_buy_now_with_an_EA_and_PO_opens_the_wallet_with_its_first_funds() throws Exception {
    Setup s = billingAdminWithMethods();
    HttpResponse<String> noWallet = s.web().get("billing/credits");
    assertEquals(302, noWallet.statusCode(), "no wallet yet: to the checkout");
    assertTrue(
        noWallet.headers().firstValue("Location").orElse("").endsWith("/billing/credits/buy"));
    String subscriptions = s.web().get("billing/subscriptions").body();
    assertTrue(subscriptions.contains("Add-ons") && subscriptions.contains("Buy now"));
    String checkout = s.web().get("billing/credits/buy").body();
    assertTrue(
        checkout.contains("Place order")
            && checkout.contains("EA 13572468 (Main EA)")
            && checkout.contains("Visa ending 4242 (11/"),
        "the methods are offered as they are described");

    HttpResponse<String> placed =
        s.web()
            .post("billing/credits/buy", funds("500.00", s.ea(), "PO-2026-9", formKey(checkout)));
    assertEquals(302, placed.statusCode(), placed.body());
    assertTrue(placed.headers().firstValue("Location").orElse("").endsWith("/billing/credits"));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM subscription WHERE organisation_id = ? AND sku = "
                + "'COMMUNICATIONS_CREDITS'",
            s.org().id()));
    assertEquals(
        1, Fixtures.count("SELECT COUNT(*) FROM wallet WHERE organisation_id = ?", s.org().id()));
    assertEquals(1, lots(s.org()));
    assertBalance("500.00", s.org());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND purchase_order "
                + "= 'PO-2026-9'",
            s.org().id()));
    String page = s.web().get("billing/credits").body();
    assertTrue(page.contains("500.00 USD was added"), "the flash after the redirect");
    assertTrue(page.contains("500.00 USD"));
    assertTrue(page.contains("EA 13572468 PO PO-2026-9"), "the lot's payment reference");
    assertTrue(
        page.contains("EA 13572468 (Main EA)"), "the Billing section names the method that paid");
    assertEquals(
        302, s.web().get("billing/credits/buy").statusCode(), "with a wallet the checkout is done");
  }

  @Test
  void R_FUND_9_add_more_funds_by_sandbox_card_grows_the_balance_and_lists_the_lot()
      throws Exception {
    Setup s = withWallet("20.00");
    String page = s.web().get("billing/credits").body();
    assertTrue(
        page.contains("Add more funds")
            && page.contains("Any amount from 10.00 to 100,000.00 USD."));
    HttpResponse<String> added =
        s.web().post("billing/credits", funds("75.50", s.visa(), null, formKey(page)));
    assertEquals(302, added.statusCode(), added.body());
    assertBalance("95.50", s.org());
    assertEquals(2, lots(s.org()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id WHERE "
                + "w.organisation_id = ? AND l.amount = 75.50 AND l.source = 'MANUAL' AND l.payment_reference LIKE 'sbx_%'",
            s.org().id()));
    String after = s.web().get("billing/credits").body();
    assertTrue(after.contains("75.50 USD was added"));
    assertTrue(after.contains("95.50 USD"), "the balance");
    assertTrue(after.contains("Added by hand"), "the lot's source");
    assertTrue(
        after.contains("Visa ending 4242"), "the Billing section names the card that paid last");
    assertTrue(after.contains("<polyline"), "the balance chart");
  }

  @Test
  void R_FUND_7_the_same_form_posted_twice_adds_funds_once() throws Exception {
    Setup s = withWallet("20.00");
    String page = s.web().get("billing/credits").body();
    String key = formKey(page);
    assertFalse(
        key.equals(formKey(s.web().get("billing/credits").body())),
        "every rendered form has its own key");
    HttpResponse<String> first =
        s.web().post("billing/credits", funds("35.00", s.visa(), null, key));
    HttpResponse<String> again =
        s.web().post("billing/credits", funds("35.00", s.visa(), null, key));
    assertEquals(302, first.statusCode());
    assertEquals(302, again.statusCode(), "a repeat shows the first result");
    assertEquals(2, fundings(s.org()), "the checkout and one funding for the double submission");
    assertEquals(2, lots(s.org()), "the checkout lot and one lot for the double submission");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM sandbox_payment WHERE amount = 35 AND idempotency_key IN "
                + "(SELECT CONCAT('funding-', id) FROM funding WHERE organisation_id = ?)",
            s.org().id()),
        "the card was charged once");
    assertBalance("55.00", s.org());
    assertTrue(
        s.web().get("billing/credits").body().contains("was already placed"), "the repeat says so");

    HttpResponse<String> edited =
        s.web().post("billing/credits", funds("36.00", s.visa(), null, key));
    assertEquals(409, edited.statusCode(), "back, edit and resubmit with the old key");
    assertTrue(edited.body().contains("already submitted with other values"));
    assertFalse(formKey(edited.body()).equals(key), "the form comes back with a new key");
    assertEquals(2, fundings(s.org()));
    assertBalance("55.00", s.org());

    String checkoutKey = UUID.randomUUID().toString();
    Setup other = billingAdminWithMethods();
    assertEquals(
        302,
        other
            .web()
            .post("billing/credits/buy", funds("40.00", other.ea(), null, checkoutKey))
            .statusCode());
    assertEquals(
        302,
        other
            .web()
            .post("billing/credits/buy", funds("40.00", other.ea(), null, checkoutKey))
            .statusCode(),
        "the checkout resubmitted");
    assertEquals(1, lots(other.org()));
    assertEquals(1, fundings(other.org()));
    assertBalance("40.00", other.org());
  }

  @Test
  void R_PAY_2_declined_and_expired_cards_add_nothing_and_say_why_beside_the_payment_method()
      throws Exception {
    Setup s = withWallet("20.00");
    long declined = addCard(s.org(), s.web(), "4000000000000002", "0002");
    long expired = addCard(s.org(), s.web(), "4000000000000069", "0069");
    String key = UUID.randomUUID().toString();
    HttpResponse<String> d = s.web().post("billing/credits", funds("50.00", declined, null, key));
    HttpResponse<String> e =
        s.web()
            .post("billing/credits", funds("50.00", expired, null, UUID.randomUUID().toString()));
    assertEquals(400, d.statusCode());
    assertTrue(
        d.body().contains("id=\"paymentMethodId-error\"") && d.body().contains("declined"),
        "reason beside the field");
    assertFalse(formKey(d.body()).equals(key), "a new key, so another card can be tried");
    assertEquals(400, e.statusCode());
    assertTrue(
        e.body().contains("id=\"paymentMethodId-error\"")
            && e.body().contains("The card has expired."));
    assertEquals(1, lots(s.org()));
    assertBalance("20.00", s.org());
    assertEquals(
        2,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding WHERE organisation_id = ? AND status = 'FAILED'",
            s.org().id()));
    assertEquals(
        400,
        s.web().post("billing/credits", funds("50.00", declined, null, key)).statusCode(),
        "the refused form posted again shows the same refusal");
    assertEquals(1, lots(s.org()));
  }

  @Test
  void R_PAY_2_a_payment_that_times_out_is_being_confirmed_and_adds_no_lot_yet() throws Exception {
    Setup s = withWallet("20.00");
    long slow = addCard(s.org(), s.web(), "4000000000000119", "0119");
    HttpResponse<String> r =
        s.web().post("billing/credits", funds("60.00", slow, null, UUID.randomUUID().toString()));
    assertEquals(302, r.statusCode());
    assertTrue(s.web().get("billing/credits").body().contains("is being confirmed"));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding WHERE organisation_id = ? AND status = 'PENDING'",
            s.org().id()));
    assertEquals(1, lots(s.org()));
    assertBalance("20.00", s.org());
  }

  @Test
  void
      R_FUND_9_bad_amounts_and_unknown_or_foreign_methods_are_answered_beside_the_field_and_change_nothing()
          throws Exception {
    Setup s = withWallet("20.00");
    Setup other = billingAdminWithMethods();
    for (String amount : List.of("0", "-5", "1.234", "100000.01", "9.99", "ten", "")) {
      HttpResponse<String> r =
          s.web()
              .post("billing/credits", funds(amount, s.visa(), null, UUID.randomUUID().toString()));
      assertEquals(400, r.statusCode(), amount);
      assertTrue(r.body().contains("id=\"amount-error\""), amount);
      assertTrue(r.body().contains("aria-invalid=\"true\""), amount);
    }
    assertTrue(
        s.web()
            .post(
                "billing/credits", funds("100000.01", s.visa(), null, UUID.randomUUID().toString()))
            .body()
            .contains("Add between 10.00 and 100,000.00 USD."));
    for (String method : List.of(String.valueOf(other.visa()), "999999999", "abc")) {
      Map<String, String> form = funds("25.00", s.visa(), null, UUID.randomUUID().toString());
      form.put("paymentMethodId", method);
      HttpResponse<String> r = s.web().post("billing/credits", form);
      assertEquals(400, r.statusCode(), method);
      assertTrue(r.body().contains("id=\"paymentMethodId-error\""), method);
      assertFalse(r.body().contains("id=\"amount-error\""), method);
    }
    HttpResponse<String> poOnCard =
        s.web()
            .post(
                "billing/credits", funds("25.00", s.visa(), "PO-1", UUID.randomUUID().toString()));
    assertEquals(400, poOnCard.statusCode());
    assertTrue(poOnCard.body().contains("id=\"purchaseOrder-error\""));
    HttpResponse<String> badPo =
        s.web()
            .post(
                "billing/credits", funds("25.00", s.ea(), "PO <1>", UUID.randomUUID().toString()));
    assertEquals(400, badPo.statusCode());
    assertTrue(badPo.body().contains("id=\"purchaseOrder-error\""));
    assertFalse(badPo.body().contains("PO <1>"), "typed text is escaped on output");
    assertEquals(1, lots(s.org()));
    assertEquals(1, fundings(s.org()));
    assertBalance("20.00", s.org());
    assertEquals(
        0,
        Fixtures.count("SELECT COUNT(*) FROM wallet WHERE organisation_id = ?", other.org().id()));
    assertEquals(
        404,
        s.web()
            .post(
                "billing/payment-methods",
                Map.of("action", "remove", "id", String.valueOf(other.visa())))
            .statusCode(),
        "another organisation's card cannot be removed");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM payment_method WHERE id = ? AND removed_at IS NULL",
            other.visa()));
  }

  @Test
  void
      R_ORG_1_another_organisations_admin_posting_to_the_credits_page_only_touches_their_own_wallet()
          throws Exception {
    Setup first = withWallet("100.00");
    adjust(first.org(), "DEBIT", "1.00", "First org only");
    Setup second = withWallet("30.00");
    long firstFundings = fundings(first.org());
    long firstLots = lots(first.org());

    HttpResponse<String> own =
        second
            .web()
            .post(
                "billing/credits",
                funds("15.00", second.visa(), null, UUID.randomUUID().toString()));
    assertEquals(302, own.statusCode());
    HttpResponse<String> foreign =
        second
            .web()
            .post(
                "billing/credits",
                funds("15.00", first.visa(), null, UUID.randomUUID().toString()));
    assertEquals(400, foreign.statusCode(), "a foreign method is a field error, not a success");
    assertTrue(foreign.body().contains("id=\"paymentMethodId-error\""));
    adjust(second.org(), "DEBIT", "5.00", "Second org");

    assertBalance("40.00", second.org());
    assertBalance("99.00", first.org());
    assertEquals(firstFundings, fundings(first.org()));
    assertEquals(firstLots, lots(first.org()));
    String secondPage = second.web().get("billing/credits").body();
    assertFalse(secondPage.contains("First org only"), "nothing of the first organisation shows");
    assertFalse(
        secondPage.contains("<option value=\"" + first.visa() + "\""), "nor its payment methods");
    assertFalse(second.web().get("billing/credits?export=csv").body().contains("First org only"));
  }

  @Test
  void R_REP_3_transactions_export_as_CSV_with_the_running_balance() throws Exception {
    Setup s = withWallet("40.00");
    s.web().post("billing/credits", funds("10.00", s.visa(), null, UUID.randomUUID().toString()));
    adjust(s.org(), "DEBIT", "5.25", "Correction, with a comma");
    HttpResponse<String> csv = s.web().get("billing/credits?export=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
    String[] lines = csv.body().split("\r\n");
    assertTrue(
        lines[0].startsWith("Date,Type,Description,Reference,Amount,Balance,Currency"), lines[0]);
    assertEquals(4, lines.length);
    assertTrue(
        lines[1].contains("\"" + adjusted("Correction, with a comma") + "\"")
            && lines[1].contains(",-5.25,44.75,USD,"),
        lines[1]);
    assertTrue(lines[2].contains(",10.00,50.00,USD,"), lines[2]);
    assertTrue(lines[3].contains(",40.00,40.00,USD,"), lines[3]);

    String tomorrow = LocalDate.now(ORG_ZONE).plusDays(1).toString();
    String[] none = s.web().get("billing/credits?export=csv&from=" + tomorrow).body().split("\r\n");
    assertEquals(1, none.length, "the filter applies to the export: only the header");
    assertEquals(
        400, s.web().get("billing/credits?export=csv&from=2026-05-02&to=2026-05-01").statusCode());
  }

  @Test
  void R_REP_3_transactions_filter_by_date_and_page_with_the_filter_kept_in_the_links()
      throws Exception {
    Setup s = withWallet("100.00");
    for (int i = 1; i <= 26; i++) {
      adjust(s.org(), "DEBIT", "1.00", "Line " + i);
    }
    String today = LocalDate.now(ORG_ZONE).toString();
    String first = s.web().get("billing/credits?from=" + today + "&to=" + today).body();
    assertTrue(first.contains("27 in all"), "27 entries, 25 a page");
    assertTrue(first.contains(adjusted("Line 26")), "newest first");
    assertFalse(first.contains("Funds added on Enterprise Agreement"), "the oldest is on page 2");
    assertFalse(first.contains(">Newer</a>"), "nothing newer than the newest page");
    // keyset pages: the Older link names the last entry shown and keeps the filter
    Matcher older =
        Pattern.compile(
                "href=\"[^\"]*billing/credits\\?from="
                    + today
                    + "&amp;to="
                    + today
                    + "&amp;before=(\\d+)\">Older</a>")
            .matcher(first);
    assertTrue(older.find(), "the older-page link keeps the filter");
    String second =
        s.web()
            .get("billing/credits?from=" + today + "&to=" + today + "&before=" + older.group(1))
            .body();
    assertTrue(second.contains("27 in all"));
    assertTrue(second.contains("Funds added on Enterprise Agreement"));
    assertTrue(second.contains(">Newer</a>") && !second.contains(">Older</a>"), "the last page");
    assertTrue(
        first.contains(">74.00</td>") && first.contains(">75.00</td>"),
        "the running balance after each entry");
    assertTrue(second.contains(">99.00</td>") && second.contains(">100.00</td>"));

    String tomorrow = LocalDate.now(ORG_ZONE).plusDays(1).toString();
    assertTrue(
        s.web()
            .get("billing/credits?from=" + tomorrow)
            .body()
            .contains("No transactions in this period."));
    HttpResponse<String> bad = s.web().get("billing/credits?from=2026-13-40");
    assertEquals(200, bad.statusCode());
    assertTrue(
        bad.body().contains("id=\"from-error\"")
            && bad.body().contains("Enter dates as YYYY-MM-DD."));
    String reversed = s.web().get("billing/credits?from=" + tomorrow + "&to=" + today).body();
    assertTrue(
        reversed.contains("id=\"from-error\"")
            && reversed.contains("must not be after the end date"));
  }

  @Test
  void
      R_FUND_5_R_FUND_4_home_and_the_credits_page_show_expiring_funds_and_a_balance_that_blocks_calls()
          throws Exception {
    Setup s = billingAdminWithMethods();
    String home = s.web().get("").body();
    assertTrue(home.contains("No Communications Credits yet"));
    assertTrue(
        home.contains("billing/credits/buy\">Buy now</a>"),
        "the attention item links to the checkout");
    WebSession userAdmin = new WebSession(base.toURI()).signedIn(s.org().email(Role.USER_ADMIN));
    assertFalse(
        userAdmin.get("").body().contains("No Communications Credits yet"), "billing roles only");

    s.web().post("billing/credits/buy", funds("40.00", s.ea(), null, UUID.randomUUID().toString()));
    assertEquals(
        1,
        Fixtures.update(
            "UPDATE funding_lot l JOIN wallet w ON w.id = l.wallet_id SET l.purchased_at = "
                + "UTC_TIMESTAMP(6) - INTERVAL 345 DAY, l.expires_at = UTC_TIMESTAMP(6) + INTERVAL 20 DAY WHERE "
                + "w.organisation_id = ?",
            s.org().id()),
        "a lot bought 11 months ago");
    home = s.web().get("").body();
    assertFalse(home.contains("No Communications Credits yet"));
    assertTrue(home.contains("40.00 USD of Communications Credits expire within 30 days."));
    String page = s.web().get("billing/credits").body();
    assertTrue(page.contains("Expires within 30 days"));
    assertFalse(page.contains("refused until funds are added"));

    adjust(s.org(), "DEBIT", "40.00", "Used up");
    home = s.web().get("").body();
    assertTrue(
        home.contains(
            "The Communications Credits balance is 0.00 USD: calls beyond the minute pools, "
                + "toll-free inbound calls and conference dial-out are refused until funds are added."));
    assertTrue(home.contains("billing/credits#add-funds\">Add more funds</a>"));
    assertFalse(home.contains("expire within 30 days"), "an empty lot has nothing left to expire");
    page = s.web().get("billing/credits").body();
    assertTrue(
        page.contains("0.00 USD") && page.contains("refused until funds are added"),
        "zero blocks calls");

    s.web().post("billing/credits", funds("10.00", s.visa(), null, UUID.randomUUID().toString()));
    Fixtures.update(
        "UPDATE funding_lot l JOIN wallet w ON w.id = l.wallet_id SET l.expires_at = UTC_TIMESTAMP(6) "
            + "- INTERVAL 1 DAY WHERE w.organisation_id = ? AND l.amount = 40",
        s.org().id());
    page = s.web().get("billing/credits").body();
    assertTrue(page.contains(">Expired</span>"), "a lot past its 12 months");
    assertFalse(page.contains("Expires within 30 days"));
  }

  @Test
  void
      R_PAY_1_payment_methods_list_add_and_remove_cards_and_EA_numbers_and_never_echo_a_card_number()
          throws Exception {
    TestOrg org = Fixtures.organisation("Methods", "USD");
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    String empty = web.get("billing/payment-methods").body();
    assertTrue(
        empty.contains("Sandbox payment gateway") && empty.contains(">Sandbox</span>"),
        "named as a sandbox");
    assertTrue(
        empty.contains("4242 4242 4242 4242")
            && empty.contains("4000 0000 0000 0002")
            && empty.contains("4000 0000 0000 0069")
            && empty.contains("4000 0000 0000 0119"),
        "the test cards");
    for (String autocomplete : List.of("cc-number", "cc-exp-month", "cc-exp-year", "cc-csc")) {
      assertTrue(empty.contains("autocomplete=\"" + autocomplete + "\""), autocomplete);
    }

    String year = String.valueOf(YearMonth.now().getYear() + 1);
    HttpResponse<String> badNumber =
        web.post(
            "billing/payment-methods",
            Map.of(
                "action",
                "card",
                "cardNumber",
                "4111 1111 1111 1112",
                "expiryMonth",
                "3",
                "expiryYear",
                year,
                "cvc",
                "123"));
    assertEquals(400, badNumber.statusCode());
    assertTrue(badNumber.body().contains("id=\"cardNumber-error\""));
    assertFalse(
        badNumber.body().contains("4111 1111 1111 1112")
            || badNumber.body().contains("4111111111111112"),
        "the number typed is never sent back");
    HttpResponse<String> badCvc =
        web.post(
            "billing/payment-methods",
            Map.of(
                "action",
                "card",
                "cardNumber",
                "4242424242424242",
                "expiryMonth",
                "3",
                "expiryYear",
                year,
                "cvc",
                "12"));
    assertEquals(400, badCvc.statusCode());
    assertTrue(badCvc.body().contains("id=\"cvc-error\""));
    assertFalse(badCvc.body().contains("4242424242424242"));
    HttpResponse<String> badEa =
        web.post(
            "billing/payment-methods", Map.of("action", "ea", "eaNumber", "1234", "label", ""));
    assertEquals(400, badEa.statusCode());
    assertTrue(badEa.body().contains("id=\"eaNumber-error\""));
    assertEquals(
        0,
        Fixtures.count("SELECT COUNT(*) FROM payment_method WHERE organisation_id = ?", org.id()));

    long visa = addCard(org, web, "4242-4242-4242-4242", "4242");
    HttpResponse<String> unregistered =
        web.post(
            "billing/payment-methods",
            Map.of("action", "ea", "eaNumber", "24681357", "label", "Contoso EA"));
    assertEquals(400, unregistered.statusCode(), "R-PAY-1: the operator has not registered it");
    assertTrue(
        unregistered.body().contains("id=\"eaNumber-error\"")
            && unregistered.body().contains("is not registered for your organisation"));
    Fixtures.eaAgreement(org, "24681357");
    assertEquals(
        302,
        web.post(
                "billing/payment-methods",
                Map.of("action", "ea", "eaNumber", "24681357", "label", "Contoso EA"))
            .statusCode());
    String list = web.get("billing/payment-methods").body();
    assertTrue(list.contains("Visa ending 4242 (11/" + (YearMonth.now().getYear() + 2) + ")"));
    assertTrue(list.contains("EA 24681357 (Contoso EA)"));
    assertTrue(list.contains("data-confirm=\"Remove Visa ending 4242"));
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND (summary LIKE "
                + "'%4242424242424242%' OR after_state LIKE '%4242424242424242%')",
            org.id()),
        "the number is not kept");

    HttpResponse<String> removed =
        web.post("billing/payment-methods", Map.of("action", "remove", "id", String.valueOf(visa)));
    assertEquals(302, removed.statusCode());
    String afterRemove = web.get("billing/payment-methods").body();
    assertTrue(
        afterRemove.contains(
            "Visa ending 4242 (11/" + (YearMonth.now().getYear() + 2) + ") was removed."));
    assertFalse(afterRemove.contains("data-confirm=\"Remove Visa ending 4242"));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM payment_method WHERE id = ? AND removed_at IS NOT NULL", visa));
  }

  @Test
  void R_SEC_1_the_credits_page_is_reached_from_products_and_keeps_its_navigation_item_active()
      throws Exception {
    Setup s = withWallet("20.00");
    String products = s.web().get("billing/products").body();
    assertTrue(
        products.contains("billing/credits\">Communications Credits</a>"),
        "the product row links to the page");
    String page = s.web().get("billing/credits").body();
    Matcher nav = Pattern.compile("<a [^>]*href=\"[^\"]*/billing/products\"[^>]*>").matcher(page);
    assertTrue(nav.find());
    assertTrue(nav.group().contains("aria-current=\"page\""), nav.group());
  }

  @Test
  void R_SEC_1_a_reports_reader_cannot_open_the_wallet_pages() throws Exception {
    TestOrg org = Fixtures.organisation("Reader", "USD");
    WebSession reader = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    assertEquals(403, reader.get("billing/credits").statusCode());
    assertEquals(403, reader.get("billing/credits?export=csv").statusCode());
    assertEquals(403, reader.get("billing/credits/buy").statusCode());
    assertEquals(403, reader.get("billing/payment-methods").statusCode());
    assertEquals(
        403,
        reader
            .post("billing/credits", funds("20.00", 1, null, UUID.randomUUID().toString()))
            .statusCode());
    assertFalse(reader.get("").body().contains("billing/credits"));
  }

  @Test
  void
      R_RECH_1_the_checkout_can_turn_auto_recharge_on_and_refuses_bad_recharge_fields_before_paying()
          throws Exception {
    Setup s = billingAdminWithMethods();
    Map<String, String> bad = funds("100.00", s.visa(), null, UUID.randomUUID().toString());
    bad.putAll(Map.of("autoRecharge", "on", "rechargeAmount", "5.00", "triggerBelow", "-1"));
    HttpResponse<String> refused = s.web().post("billing/credits/buy", bad);
    assertEquals(400, refused.statusCode());
    assertTrue(
        refused.body().contains("id=\"rechargeAmount-error\"")
            && refused.body().contains("id=\"triggerBelow-error\""));
    assertTrue(
        refused.body().contains("name=\"autoRecharge\" value=\"on\" checked=\"checked\""),
        "still chosen");
    assertEquals(
        0,
        Fixtures.count("SELECT COUNT(*) FROM wallet WHERE organisation_id = ?", s.org().id()),
        "nothing bought, nothing paid");

    Map<String, String> good = funds("100.00", s.visa(), null, UUID.randomUUID().toString());
    good.putAll(Map.of("autoRecharge", "on", "rechargeAmount", "25.00", "triggerBelow", "20.00"));
    assertEquals(302, s.web().post("billing/credits/buy", good).statusCode());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM auto_recharge r JOIN wallet w ON w.id = r.wallet_id WHERE "
                + "w.organisation_id = ? AND r.enabled = 1 AND r.recharge_amount = 25 AND r.trigger_below = 20",
            s.org().id()));
    assertTrue(s.web().get("billing/credits").body().contains("Auto-recharge is on"));

    HttpResponse<String> badSettings =
        s.web()
            .post(
                "billing/credits",
                Map.of(
                    "action",
                    "recharge",
                    "enabled",
                    "on",
                    "rechargeAmount",
                    "25.00",
                    "triggerBelow",
                    "20.00",
                    "paymentMethodId",
                    String.valueOf(s.visa()),
                    "rechargePurchaseOrder",
                    "PO-9"));
    assertEquals(400, badSettings.statusCode());
    assertTrue(
        badSettings.body().contains("id=\"rechargePurchaseOrder-error\""),
        "the error beside the recharge PO");
    assertFalse(
        badSettings.body().contains("id=\"purchaseOrder-error\""), "not beside Add more funds");
  }
}
