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
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Who may create money (R-FUND-12, R-PAY-1): only the operator's Global admins adjust a tenant's
 * wallet, refund its calls and register its Enterprise Agreements, through /api/v1/operator and
 * Settings > Operator; a tenant's admins are refused; an EA pays only when registered and within
 * its monthly limit. After each money test the R-FUND-6 sums are checked in SQL.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorIT {
  private static final Pattern FORM_KEY =
      Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private ApiClient api() throws Exception {
    return new ApiClient(base.toURI());
  }

  private static String operatorKey() {
    return Fixtures.operator().key(Role.GLOBAL_ADMIN);
  }

  private static String adjustment(String direction, String amount, String reason) {
    return "{\"direction\":\""
        + direction
        + "\",\"amount\":{\"amount\":\""
        + amount
        + "\",\"currency\":\"USD\"},\"reason\":\""
        + reason
        + "\"}";
  }

  private static BigDecimal balance(TestOrg org) {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE organisation_id = ?", org.id());
  }

  private static void assertBalance(String expected, TestOrg org) {
    assertEquals(0, new BigDecimal(expected).compareTo(balance(org)), "balance " + balance(org));
  }

  /** R-FUND-6 in SQL: balance = sum of the ledger = sum of lot remainders (minus any debt). */
  private static void assertInvariant(TestOrg org) {
    BigDecimal balance = balance(org);
    BigDecimal ledger =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entry e JOIN wallet w ON w.id = "
                + "e.wallet_id WHERE w.organisation_id = ?",
            org.id());
    BigDecimal lots =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(l.remaining), 0) FROM funding_lot l JOIN wallet w ON w.id = "
                + "l.wallet_id WHERE w.organisation_id = ? AND l.expired_at IS NULL",
            org.id());
    assertEquals(0, balance.compareTo(ledger), "balance " + balance + " = ledger " + ledger);
    assertEquals(
        0,
        balance.max(BigDecimal.ZERO).compareTo(lots),
        "balance " + balance + " = lot remainders " + lots);
  }

  private static long count(String sql, Object... args) {
    return Fixtures.count(sql, args);
  }

  @Test
  void
      R_FUND_12_an_operator_credit_is_labelled_in_the_tenants_ledger_audited_in_both_organisations_and_emailed()
          throws Exception {
    TestOrg tenant = Fixtures.organisation("Tenant", "USD");
    Fixtures.wallet(tenant);
    TestOrg operator = Fixtures.operator();
    String key = UUID.randomUUID().toString();
    ApiClient.Reply credit =
        api()
            .post(
                "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                operatorKey(),
                key,
                adjustment("CREDIT", "25.00", "Goodwill for the outage"));
    assertEquals(201, credit.status(), credit.body());
    String label = "Adjustment by " + operator.name() + ": Goodwill for the outage";
    assertEquals(label, credit.json().getString("description"));
    assertBalance("25.00", tenant);

    // the tenant sees it in its own ledger, labelled
    ApiClient.Reply ledger = api().get("wallet/transactions", tenant.key(Role.BILLING_ADMIN));
    assertEquals(
        label, ledger.json().getJsonArray("items").getJsonObject(0).getString("description"));
    WebSession billing = new WebSession(base.toURI()).signedIn(tenant.email(Role.BILLING_ADMIN));
    assertTrue(billing.get("billing/credits").body().contains(label));

    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'WALLET_ADJUSTED' AND summary LIKE '%Goodwill for the outage%'",
            tenant.id()),
        "audited in the tenant");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'WALLET_ADJUSTED' AND summary LIKE ?",
            operator.id(),
            "%" + tenant.name() + "%Goodwill for the outage%"),
        "audited in the operator");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = "
                + "'WALLET_ADJUSTED' AND recipients LIKE ?",
            tenant.id(),
            "%" + tenant.email(Role.BILLING_ADMIN) + "%"),
        "an email to the tenant's billing contacts, in its outbox");

    // the same Idempotency-Key again: the first entry, no money moved twice
    ApiClient.Reply again =
        api()
            .post(
                "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                operatorKey(),
                key,
                adjustment("CREDIT", "25.00", "Goodwill for the outage"));
    assertEquals(201, again.status(), again.body());
    assertEquals(
        credit.json().getJsonNumber("id").longValue(),
        again.json().getJsonNumber("id").longValue());
    ApiClient.Reply otherAmount =
        api()
            .post(
                "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                operatorKey(),
                key,
                adjustment("CREDIT", "30.00", "Goodwill for the outage"));
    assertEquals(422, otherAmount.status(), "the same key for another amount");
    assertBalance("25.00", tenant);
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = "
                + "'WALLET_ADJUSTED'",
            tenant.id()));

    // bad input is a 400 naming the field, and changes nothing
    ApiClient.Reply noReason =
        api()
            .post(
                "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                operatorKey(),
                UUID.randomUUID().toString(),
                adjustment("DEBIT", "5.00", ""));
    assertEquals(400, noReason.status());
    assertEquals(
        "reason", noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    ApiClient.Reply noKey =
        api()
            .post(
                "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                operatorKey(),
                adjustment("DEBIT", "5.00", "x"));
    assertEquals(400, noKey.status());
    assertBalance("25.00", tenant);
    assertInvariant(tenant);
  }

  @Test
  void R_FUND_12_a_tenants_Global_and_Billing_admins_are_refused_the_operator_API_and_see_no_form()
      throws Exception {
    TestOrg tenant = Fixtures.organisation("Refused", "USD");
    Fixtures.wallet(tenant);
    api().operatorAdjust(tenant, "CREDIT", "10.00", "start");
    for (Role role : new Role[] {Role.GLOBAL_ADMIN, Role.BILLING_ADMIN}) {
      ApiClient.Reply own =
          api()
              .post(
                  "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                  tenant.key(role),
                  UUID.randomUUID().toString(),
                  adjustment("CREDIT", "100000.00", "free money"));
      assertEquals(403, own.status(), role + " crediting its own wallet");
      assertEquals(
          403,
          api()
              .get("operator/organisations?q=" + tenant.name().split(" ")[0], tenant.key(role))
              .status());
      assertEquals(
          403,
          api()
              .post(
                  "operator/organisations/" + tenant.id() + "/ea-agreements",
                  tenant.key(role),
                  "{\"eaNumber\":\"99887766\",\"customer\":\"Me\",\"monthlyLimit\":"
                      + "{\"amount\":\"1000000.00\",\"currency\":\"USD\"}}")
              .status(),
          role + " registering its own EA");
    }
    // the operator's own Billing admin is no operator either: Global admins only
    assertEquals(
        403,
        api()
            .post(
                "operator/organisations/" + tenant.id() + "/wallet/adjustments",
                Fixtures.operator().key(Role.BILLING_ADMIN),
                UUID.randomUUID().toString(),
                adjustment("CREDIT", "1.00", "x"))
            .status());

    WebSession global = new WebSession(base.toURI()).signedIn(tenant.email(Role.GLOBAL_ADMIN));
    String page = global.get("billing/credits").body();
    assertFalse(page.contains("value=\"adjust\""), "no adjustment form");
    assertFalse(page.contains("name=\"direction\""));
    assertFalse(page.contains("settings/operator"), "no Operator item in the navigation");
    assertEquals(403, global.get("settings/operator").statusCode());
    // a hand-made post of the old form adds nothing
    HttpResponse<String> forged =
        global.post(
            "billing/credits",
            Map.of(
                "action",
                "adjust",
                "direction",
                "CREDIT",
                "amount",
                "500.00",
                "reason",
                "free",
                "idempotencyKey",
                UUID.randomUUID().toString()));
    assertTrue(forged.statusCode() >= 400, "refused: " + forged.statusCode());
    assertEquals(
        403,
        global
            .post(
                "settings/operator",
                Map.of(
                    "action",
                    "adjust",
                    "org",
                    String.valueOf(tenant.id()),
                    "direction",
                    "CREDIT",
                    "adjustAmount",
                    "500.00",
                    "adjustReason",
                    "free",
                    "idempotencyKey",
                    UUID.randomUUID().toString()))
            .statusCode());
    assertBalance("10.00", tenant);
    assertInvariant(tenant);
  }

  /** A tenant with 100.00 on a registered EA and a caller with Communications Credits. */
  private record Rated(TestOrg org, String upn) {}

  private Rated ratedTenant(String name) throws Exception {
    TestOrg org = Fixtures.organisation(name, "USD");
    ApiClient api = api();
    String upn = api.creditsCaller(org);
    Fixtures.eaAgreement(org, "42424242");
    long ea =
        api.post(
                "payment-methods",
                org.key(Role.GLOBAL_ADMIN),
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"42424242\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Reply funded =
        api.post(
            "wallet/fundings",
            org.key(Role.GLOBAL_ADMIN),
            UUID.randomUUID().toString(),
            "{\"amount\":{\"amount\":\"100.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + ea
                + "}");
    assertEquals(201, funded.status(), funded.body());
    return new Rated(org, upn);
  }

  /** Posts an international call (paid by the wallet) of the given minutes; returns its charge. */
  private BigDecimal call(Rated t, String callId, int minutes) throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    String record =
        "{\"callId\":\""
            + callId
            + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
            + t.upn()
            + "\",\"from\":\"+14255550100\",\"to\":\"+442079460000\",\"start\":\""
            + start
            + "\",\"end\":\""
            + start.plusSeconds(minutes * 60L)
            + "\",\"durationSeconds\":"
            + minutes * 60
            + "}";
    ApiClient.Reply reply = api().post("calls", t.org().key(Role.PLATFORM), "[" + record + "]");
    assertEquals(200, reply.status(), reply.body());
    JsonObject r = ((JsonArray) reply.any()).getJsonObject(0);
    assertEquals("RATED", r.getString("status"), r.toString());
    BigDecimal charge = new BigDecimal(r.getJsonObject("charge").getString("amount"));
    assertTrue(charge.signum() > 0, "charged to the wallet: " + r);
    return charge;
  }

  private static String refundBody(TestOrg org, String reason) {
    return "{\"organisationId\":" + org.id() + ",\"reason\":\"" + reason + "\"}";
  }

  @Test
  void R_FUND_12_a_refund_restores_the_lots_that_paid_once_and_only_for_the_calls_organisation()
      throws Exception {
    Rated t = ratedTenant("Refund");
    BigDecimal lotBefore =
        Fixtures.decimal(
            "SELECT SUM(l.remaining) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
                + "WHERE w.organisation_id = ?",
            t.org().id());
    BigDecimal charge = call(t, "intl-1", 10);
    assertBalance(new BigDecimal("100.00").subtract(charge).toPlainString(), t.org());

    // another tenant cannot have this call refunded through its own id
    Rated other = ratedTenant("OtherRefund");
    ApiClient.Reply foreign =
        api()
            .post(
                "operator/calls/intl-1/refund",
                operatorKey(),
                UUID.randomUUID().toString(),
                refundBody(other.org(), "wrong tenant"));
    assertEquals(404, foreign.status(), foreign.body());
    assertBalance("100.00", other.org());

    assertEquals(
        403,
        api()
            .post(
                "operator/calls/intl-1/refund",
                t.org().key(Role.GLOBAL_ADMIN),
                UUID.randomUUID().toString(),
                refundBody(t.org(), "self-service"))
            .status(),
        "a tenant cannot refund its own call");

    String key = UUID.randomUUID().toString();
    ApiClient.Reply refund =
        api()
            .post(
                "operator/calls/intl-1/refund",
                operatorKey(),
                key,
                refundBody(t.org(), "Dropped call"));
    assertEquals(201, refund.status(), refund.body());
    assertEquals("REVERSAL", refund.json().getString("type"));
    assertEquals("Refund of call intl-1: Dropped call", refund.json().getString("description"));
    assertEquals(
        0,
        charge.compareTo(
            new BigDecimal(refund.json().getJsonObject("amount").getString("amount"))));
    assertBalance("100.00", t.org());
    assertEquals(
        0,
        lotBefore.compareTo(
            Fixtures.decimal(
                "SELECT SUM(l.remaining) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
                    + "WHERE w.organisation_id = ?",
                t.org().id())),
        "the lot that paid has its part back");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ledger_entry e JOIN call_record c ON c.ledger_entry_id = "
                + "e.reverses_entry_id WHERE c.organisation_id = ? AND c.call_id = 'intl-1'",
            t.org().id()),
        "the refund links the call's charge");

    ApiClient.Reply sameKey =
        api()
            .post(
                "operator/calls/intl-1/refund",
                operatorKey(),
                key,
                refundBody(t.org(), "Dropped call"));
    assertEquals(200, sameKey.status(), "the same key: the first refund");
    assertEquals(
        refund.json().getJsonNumber("id").longValue(),
        sameKey.json().getJsonNumber("id").longValue());
    ApiClient.Reply second =
        api()
            .post(
                "operator/calls/intl-1/refund",
                operatorKey(),
                UUID.randomUUID().toString(),
                refundBody(t.org(), "Again"));
    assertEquals(409, second.status(), "a call is refunded at most once");
    assertTrue(second.json().getString("detail").contains("already refunded"));
    assertBalance("100.00", t.org());
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'CALL_REFUNDED'",
            t.org().id()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = "
                + "'CALL_REFUNDED'",
            t.org().id()));
    assertTrue(
        api()
            .get("wallet/transactions", t.org().key(Role.BILLING_ADMIN))
            .body()
            .contains("Refund of call intl-1: Dropped call"),
        "the tenant sees it labelled");
    assertEquals(
        404,
        api()
            .post(
                "operator/calls/no-such-call/refund",
                operatorKey(),
                UUID.randomUUID().toString(),
                refundBody(t.org(), "x"))
            .status());
    assertInvariant(t.org());
    assertInvariant(other.org());
  }

  @Test
  void R_PAY_1_an_EA_pays_only_when_the_operator_registered_it_and_within_its_monthly_limit()
      throws Exception {
    TestOrg org = Fixtures.organisation("EaLimit", "USD");
    Fixtures.wallet(org);
    String admin = org.key(Role.GLOBAL_ADMIN);
    ApiClient api = api();
    ApiClient.Reply unregistered =
        api.post(
            "payment-methods",
            admin,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"31313131\"}");
    assertEquals(400, unregistered.status(), "an EA number the operator never registered");
    assertEquals(
        "eaNumber", unregistered.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    String path = "operator/organisations/" + org.id() + "/ea-agreements";
    String body =
        "{\"eaNumber\":\"31313131\",\"customer\":\"EaLimit Inc\",\"monthlyLimit\":"
            + "{\"amount\":\"1000.00\",\"currency\":\"USD\"}}";
    ApiClient.Reply registered = api.post(path, operatorKey(), body);
    assertEquals(201, registered.status(), registered.body());
    assertEquals(409, api.post(path, operatorKey(), body).status(), "registered once");
    assertEquals(
        400,
        api.post(
                path,
                operatorKey(),
                "{\"eaNumber\":\"123\",\"customer\":\"\",\"monthlyLimit\":"
                    + "{\"amount\":\"1e5\",\"currency\":\"USD\"}}")
            .status());
    JsonArray listed = (JsonArray) api.get(path, operatorKey()).any();
    assertEquals(1, listed.size());
    assertEquals("31313131", listed.getJsonObject(0).getString("eaNumber"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'EA_AGREEMENT_REGISTERED'",
            org.id()));

    ApiClient.Reply added =
        api.post(
            "payment-methods",
            admin,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"31313131\"}");
    assertEquals(201, added.status(), added.body());
    long ea = added.json().getJsonNumber("id").longValue();

    ApiClient.Reply first = fund(api, admin, ea, "700.00");
    assertEquals(201, first.status(), first.body());
    long lines = count("SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ?", org.id());
    long lots =
        count(
            "SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id WHERE "
                + "w.organisation_id = ?",
            org.id());
    ApiClient.Reply over = fund(api, admin, ea, "300.01");
    assertEquals(400, over.status(), over.body());
    assertTrue(
        over.json().getString("detail").contains("300.00 USD remains this month"), over.body());
    assertBalance("700.00", org);
    assertEquals(
        lines, count("SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ?", org.id()));
    assertEquals(
        lots,
        count(
            "SELECT COUNT(*) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id WHERE "
                + "w.organisation_id = ?",
            org.id()),
        "the refused funding changed nothing");
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM funding WHERE organisation_id = ? AND amount = 300.01",
            org.id()));

    assertEquals(201, fund(api, admin, ea, "300.00").status(), "exactly the remaining amount");
    assertBalance("1000.00", org);
    assertEquals(400, fund(api, admin, ea, "10.00").status(), "nothing remains this month");
    assertInvariant(org);
  }

  private static ApiClient.Reply fund(ApiClient api, String admin, long ea, String amount) {
    return api.post(
        "wallet/fundings",
        admin,
        UUID.randomUUID().toString(),
        "{\"amount\":{\"amount\":\""
            + amount
            + "\",\"currency\":\"USD\"},\"paymentMethodId\":"
            + ea
            + ",\"purchaseOrder\":\"PO-1\"}");
  }

  private static String formKey(String page, String action) {
    int at = page.indexOf("name=\"action\" value=\"" + action + "\"");
    assertTrue(at >= 0, "the " + action + " form is shown");
    Matcher m = FORM_KEY.matcher(page);
    assertTrue(m.find(at), "the form carries an idempotency key");
    return m.group(1);
  }

  /** The operator page's credit form for a tenant, as the browser posts it. */
  private static Map<String, String> credit(String org, String amount, String reason, String key) {
    return Map.of(
        "action",
        "adjust",
        "org",
        org,
        "direction",
        "CREDIT",
        "adjustAmount",
        amount,
        "adjustReason",
        reason,
        "idempotencyKey",
        key);
  }

  @Test
  void
      R_FUND_12_the_operators_page_finds_a_tenant_and_adjusts_refunds_and_registers_with_errors_beside_the_fields()
          throws Exception {
    TestOrg tenant = Fixtures.organisation("PageTenant", "USD");
    Fixtures.wallet(tenant);
    TestOrg operator = Fixtures.operator();
    assertEquals(
        403,
        new WebSession(base.toURI())
            .signedIn(operator.email(Role.BILLING_ADMIN))
            .get("settings/operator")
            .statusCode(),
        "the operator's Billing admin");
    WebSession ops = new WebSession(base.toURI()).signedIn(operator.email(Role.GLOBAL_ADMIN));
    String home = ops.get("").body();
    assertTrue(home.contains("settings/operator"), "Settings > Operator in the navigation");
    String found = ops.get("settings/operator?q=" + tenant.name().split(" ")[1]).body();
    assertTrue(found.contains(tenant.name()), "found by part of its name");
    String page = ops.get("settings/operator?org=" + tenant.id()).body();
    assertTrue(page.contains(tenant.name()));

    String org = String.valueOf(tenant.id());
    HttpResponse<String> noReason =
        ops.post("settings/operator", credit(org, "20.00", "", formKey(page, "adjust")));
    assertEquals(400, noReason.statusCode());
    assertTrue(noReason.body().contains("id=\"adjustReason-error\""), "beside the reason");
    HttpResponse<String> badAmount =
        ops.post("settings/operator", credit(org, "-3", "Typo", formKey(page, "adjust")));
    assertEquals(400, badAmount.statusCode());
    assertTrue(badAmount.body().contains("id=\"adjustAmount-error\""), "beside the amount");
    assertBalance("0.00", tenant);

    String key = formKey(page, "adjust");
    Map<String, String> credit = credit(org, "20.00", "Welcome <b>credit</b>", key);
    assertEquals(302, ops.post("settings/operator", credit).statusCode());
    assertEquals(302, ops.post("settings/operator", credit).statusCode(), "sent twice");
    assertBalance("20.00", tenant);
    String after = ops.get("settings/operator?org=" + tenant.id()).body();
    assertTrue(after.contains("Welcome &lt;b&gt;credit&lt;/b&gt;"), "the reason is escaped");

    HttpResponse<String> unknownCall =
        ops.post(
            "settings/operator",
            Map.of(
                "action",
                "refund",
                "org",
                org,
                "refundCallId",
                "nope",
                "refundReason",
                "x",
                "idempotencyKey",
                formKey(after, "refund")));
    assertEquals(404, unknownCall.statusCode());
    assertTrue(unknownCall.body().contains("id=\"refundCallId-error\""), "beside the call id");

    HttpResponse<String> badEa =
        ops.post(
            "settings/operator",
            Map.of(
                "action",
                "ea",
                "org",
                org,
                "eaNumber",
                "12",
                "eaCustomer",
                "PageTenant",
                "eaLimit",
                "abc"));
    assertEquals(400, badEa.statusCode());
    assertTrue(badEa.body().contains("id=\"eaNumber-error\""));
    assertTrue(badEa.body().contains("id=\"eaLimit-error\""));
    assertEquals(
        302,
        ops.post(
                "settings/operator",
                Map.of(
                    "action",
                    "ea",
                    "org",
                    org,
                    "eaNumber",
                    "56565656",
                    "eaCustomer",
                    "PageTenant",
                    "eaLimit",
                    "5000.00"))
            .statusCode());
    assertTrue(ops.get("settings/operator?org=" + tenant.id()).body().contains("56565656"));
    assertInvariant(tenant);
  }
}
