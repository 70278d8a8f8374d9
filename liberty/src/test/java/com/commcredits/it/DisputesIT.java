package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Disputes of rated calls (R-DISPUTE, R-RATE-7), from the tenant to the operator and back: a
 * Billing or Global admin disputes a call with a reason; the operator sees the queue and approves
 * (a refund to the lots that paid, with a credit note) or rejects with a reason; the tenant sees
 * the state on the usage report and in Message center and is emailed; a call is refunded once.
 */
@ExtendWith(ArquillianExtension.class)
class DisputesIT {
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

  /** A tenant with 100.00 on a registered EA and a caller with Communications Credits. */
  private record Rated(TestOrg org, String upn) {}

  private Rated ratedTenant(String name) throws Exception {
    TestOrg org = Fixtures.organisation(name, "USD");
    ApiClient api = api();
    String upn = api.creditsCaller(org);
    String ea = "6" + String.valueOf(System.nanoTime()).substring(0, 7);
    Fixtures.eaAgreement(org, ea);
    long eaId =
        api.post(
                "payment-methods",
                org.key(Role.GLOBAL_ADMIN),
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + ea + "\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Reply funded =
        api.post(
            "wallet/fundings",
            org.key(Role.GLOBAL_ADMIN),
            UUID.randomUUID().toString(),
            "{\"amount\":{\"amount\":\"100.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + eaId
                + "}");
    assertEquals(201, funded.status(), funded.body());
    return new Rated(org, upn);
  }

  /** Posts an international call (paid by the wallet); returns its charge. */
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
    return new BigDecimal(r.getJsonObject("charge").getString("amount"));
  }

  private ApiClient.Reply dispute(TestOrg org, Role role, String callId, String reason)
      throws Exception {
    return api()
        .post(
            "calls/" + callId + "/disputes",
            org.key(role),
            reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
  }

  private static BigDecimal balance(TestOrg org) {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE organisation_id = ?", org.id());
  }

  private static BigDecimal lotRemainders(TestOrg org) {
    return Fixtures.decimal(
        "SELECT SUM(l.remaining) FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
            + "WHERE w.organisation_id = ?",
        org.id());
  }

  private static void assertSame(BigDecimal expected, BigDecimal actual, String what) {
    assertEquals(0, expected.compareTo(actual), what + ": " + actual + " != " + expected);
  }

  @Test
  void
      R_DISPUTE_1_to_3_a_dispute_goes_from_tenant_to_operator_and_back_with_a_refund_and_credit_note()
          throws Exception {
    Rated t = ratedTenant("Disputer");
    BigDecimal lotsBefore = lotRemainders(t.org());
    BigDecimal charge = call(t, "d-1", 10);
    assertSame(new BigDecimal("100.00").subtract(charge), balance(t.org()), "charged");

    // R-DISPUTE-1: who may dispute, and that a reason is required
    assertEquals(400, dispute(t.org(), Role.BILLING_ADMIN, "d-1", null).status());
    assertEquals(400, dispute(t.org(), Role.BILLING_ADMIN, "d-1", " ").status());
    assertEquals(403, dispute(t.org(), Role.REPORTS_READER, "d-1", "Wrong").status());
    assertEquals(404, dispute(t.org(), Role.BILLING_ADMIN, "no-such-call", "Wrong").status());
    TestOrg stranger = Fixtures.organisation("Stranger", "USD");
    assertEquals(404, dispute(stranger, Role.GLOBAL_ADMIN, "d-1", "Not mine").status());

    ApiClient.Reply opened = dispute(t.org(), Role.BILLING_ADMIN, "d-1", "Line dropped twice");
    assertEquals(201, opened.status(), opened.body());
    assertEquals("OPEN", opened.json().getString("status"));
    long id = opened.json().getJsonNumber("id").longValue();
    // R-DISPUTE-2: one open dispute per call
    ApiClient.Reply again = dispute(t.org(), Role.GLOBAL_ADMIN, "d-1", "Again");
    assertEquals(409, again.status(), again.body());
    assertTrue(again.contentType().contains("problem+json"));

    // R-DISPUTE-4: the operator's queue holds it; a tenant sees only its own, and cannot decide
    ApiClient.Reply queue = api().get("disputes?status=OPEN&size=200", operatorKey());
    assertEquals(200, queue.status(), queue.body());
    assertTrue(queue.body().contains("\"id\":" + id), queue.body());
    assertEquals(
        0,
        api().get("disputes", stranger.key(Role.GLOBAL_ADMIN)).json().getInt("total"),
        "another tenant sees none of them");
    assertEquals(404, api().get("disputes/" + id, stranger.key(Role.GLOBAL_ADMIN)).status());
    assertEquals(
        403,
        api()
            .post(
                "disputes/" + id + "/approval",
                t.org().key(Role.GLOBAL_ADMIN),
                UUID.randomUUID().toString(),
                "{}")
            .status(),
        "a tenant cannot approve its own dispute");
    WebSession operatorPage =
        new WebSession(base.toURI()).signedIn(Fixtures.operator().email(Role.GLOBAL_ADMIN));
    assertTrue(operatorPage.get("settings/disputes").body().contains("Line dropped twice"));

    // R-DISPUTE-3: the approval refunds the lots that paid, once per key, with a credit note
    assertEquals(
        400,
        api().post("disputes/" + id + "/approval", operatorKey(), "{}").status(),
        "the approval moves money: it needs an Idempotency-Key");
    String key = UUID.randomUUID().toString();
    ApiClient.Reply approved =
        api().post("disputes/" + id + "/approval", operatorKey(), key, "{\"note\":\"Confirmed\"}");
    assertEquals(201, approved.status(), approved.body());
    assertEquals("APPROVED", approved.json().getString("status"));
    assertSame(new BigDecimal("100.00"), balance(t.org()), "the balance is whole again");
    assertSame(lotsBefore, lotRemainders(t.org()), "the lot that paid has its part back");
    ApiClient.Reply sameKey =
        api().post("disputes/" + id + "/approval", operatorKey(), key, "{\"note\":\"Confirmed\"}");
    assertEquals(200, sameKey.status(), sameKey.body());
    ApiClient.Reply otherKey =
        api()
            .post(
                "disputes/" + id + "/approval", operatorKey(), UUID.randomUUID().toString(), "{}");
    assertEquals(409, otherKey.status(), otherKey.body());
    assertSame(new BigDecimal("100.00"), balance(t.org()), "refunded once");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry e JOIN call_record c ON c.ledger_entry_id = "
                + "e.reverses_entry_id WHERE c.organisation_id = ? AND c.call_id = 'd-1'",
            t.org().id()));
    // a call refunded is not disputed again
    assertEquals(409, dispute(t.org(), Role.BILLING_ADMIN, "d-1", "Once more").status());

    // the credit note, from the API and as the email's attachment
    HttpResponse<byte[]> note =
        Pdfs.get(base.toURI(), "disputes/" + id + "/credit-note", t.org().key(Role.BILLING_ADMIN));
    assertEquals(200, note.statusCode());
    String text = Pdfs.text(note.body());
    assertTrue(text.contains("Credit note"), text);
    assertTrue(text.contains("CN-000001"), text);
    assertTrue(text.contains(charge.setScale(2).toPlainString() + " USD"), text);
    assertTrue(text.contains("Refund of call d-1: Confirmed"), text);
    assertTrue(text.contains(t.org().name()), text);
    assertEquals(
        404,
        Pdfs.get(base.toURI(), "disputes/" + id + "/credit-note", stranger.key(Role.GLOBAL_ADMIN))
            .statusCode());
    MimeMessage mail =
        ReceiptsIT.awaitMail(t.org().email(Role.BILLING_ADMIN), "Dispute of call d-1 approved");
    assertTrue(Pdfs.text(ReceiptsIT.pdfAttachment(mail)).contains("CN-000001"));

    // R-DISPUTE-6: the tenant sees the state on the usage report and in Message center
    WebSession tenant = new WebSession(base.toURI()).signedIn(t.org().email(Role.BILLING_ADMIN));
    String report = tenant.get("reports/pstn-usage").body();
    assertTrue(report.contains("Approved, refunded"), "state on the report");
    String messages = tenant.get("messages").body();
    assertTrue(messages.contains("Dispute of call d-1 approved"), "the decision's notification");
    assertTrue(messages.contains("Line dropped twice"), "the dispute in Message center");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'DISPUTE_APPROVED'",
            t.org().id()));
  }

  @Test
  void R_DISPUTE_5_a_rejection_needs_a_reason_moves_no_money_and_is_emailed() throws Exception {
    Rated t = ratedTenant("Rejected");
    BigDecimal charge = call(t, "r-1", 5);
    BigDecimal charged = new BigDecimal("100.00").subtract(charge);
    long id =
        dispute(t.org(), Role.GLOBAL_ADMIN, "r-1", "Too dear")
            .json()
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        400,
        api().post("disputes/" + id + "/rejection", operatorKey(), "{\"reason\":\"\"}").status());
    ApiClient.Reply rejected =
        api()
            .post(
                "disputes/" + id + "/rejection",
                operatorKey(),
                "{\"reason\":\"Rated at the published rate\"}");
    assertEquals(200, rejected.status(), rejected.body());
    assertEquals("REJECTED", rejected.json().getString("status"));
    assertSame(charged, balance(t.org()), "nothing moves");
    assertEquals(
        409,
        api()
            .post("disputes/" + id + "/approval", operatorKey(), UUID.randomUUID().toString(), "{}")
            .status(),
        "a decided dispute is decided once");
    assertSame(charged, balance(t.org()), "still nothing moves");
    MimeMessage mail =
        ReceiptsIT.awaitMail(t.org().email(Role.GLOBAL_ADMIN), "Dispute of call r-1 rejected");
    assertTrue(mail.getContent().toString().length() > 0);
    WebSession tenant = new WebSession(base.toURI()).signedIn(t.org().email(Role.GLOBAL_ADMIN));
    assertTrue(tenant.get("messages").body().contains("Rated at the published rate"));
  }

  @Test
  void R_DISPUTE_2_approving_a_dispute_of_a_call_the_operator_already_refunded_is_a_409_problem()
      throws Exception {
    Rated t = ratedTenant("Refunded");
    BigDecimal charge = call(t, "x-1", 3);
    long id =
        dispute(t.org(), Role.BILLING_ADMIN, "x-1", "Echo on the line")
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Reply refund =
        api()
            .post(
                "operator/calls/x-1/refund",
                operatorKey(),
                UUID.randomUUID().toString(),
                "{\"organisationId\":" + t.org().id() + ",\"reason\":\"Goodwill\"}");
    assertEquals(201, refund.status(), refund.body());
    ApiClient.Reply approval =
        api()
            .post(
                "disputes/" + id + "/approval", operatorKey(), UUID.randomUUID().toString(), "{}");
    assertEquals(409, approval.status(), approval.body());
    assertTrue(approval.contentType().contains("problem+json"));
    assertTrue(approval.json().getString("detail").contains("already refunded"));
    assertSame(new BigDecimal("100.00"), balance(t.org()), "refunded once: " + charge);
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM billing_document WHERE organisation_id = ? AND kind = "
                + "'CREDIT_NOTE'",
            t.org().id()),
        "no credit note for a refund that did not happen");
  }

  @Test
  void R_DISPUTE_1_and_4_the_pages_dispute_a_call_and_the_operator_rejects_it() throws Exception {
    Rated t = ratedTenant("Pages");
    call(t, "p-1", 4);
    WebSession tenant = new WebSession(base.toURI()).signedIn(t.org().email(Role.BILLING_ADMIN));
    assertTrue(
        tenant.get("reports/pstn-usage").body().contains("reports/pstn-usage/dispute?call=p-1"));
    HttpResponse<String> empty =
        tenant.post("reports/pstn-usage/dispute", Map.of("call", "p-1", "reason", ""));
    assertEquals(400, empty.statusCode());
    HttpResponse<String> sent =
        tenant.post("reports/pstn-usage/dispute", Map.of("call", "p-1", "reason", "Wrong number"));
    assertEquals(302, sent.statusCode(), sent.body());
    assertTrue(tenant.get("reports/pstn-usage").body().contains("dispute-OPEN"));
    assertTrue(
        tenant.get("").body().contains("Disputes waiting for the operator&#39;s decision: 1."),
        "Home counts the open dispute for a billing admin");
    WebSession reader = new WebSession(base.toURI()).signedIn(t.org().email(Role.REPORTS_READER));
    assertFalse(
        reader.get("reports/pstn-usage").body().contains("pstn-usage/dispute?call="),
        "a Reports reader sees the state but no dispute link");

    long id =
        Fixtures.count(
            "SELECT id FROM call_dispute WHERE organisation_id = ? AND call_id = 'p-1'",
            t.org().id());
    WebSession operator =
        new WebSession(base.toURI()).signedIn(Fixtures.operator().email(Role.GLOBAL_ADMIN));
    assertTrue(operator.get("settings/disputes").body().contains("Wrong number"));
    assertEquals(403, tenant.get("settings/disputes").statusCode(), "the queue is the operator's");
    HttpResponse<String> rejected =
        operator.post(
            "settings/disputes",
            Map.of("action", "reject", "id", String.valueOf(id), "reason", "Dialled as billed"));
    assertEquals(302, rejected.statusCode(), rejected.body());
    assertTrue(tenant.get("reports/pstn-usage").body().contains("dispute-REJECTED"));
    assertTrue(tenant.get("").body().contains("No dispute is waiting for a decision."));
    assertFalse(reader.get("").body().contains("home-disputes"), "billing roles only");
  }
}
