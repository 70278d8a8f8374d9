package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Receipts (R-RECEIPT, R-SEE-3): every funding, by card, on an EA with a PO or by auto-recharge,
 * gets a PDF receipt numbered from a gap-free sequence of its organisation, downloadable from the
 * API and the lots table and attached to the recharge-succeeded email; another organisation's is
 * not found.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiptsIT {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private ApiClient api() throws Exception {
    return new ApiClient(base.toURI());
  }

  private record Funded(TestOrg org, long card, long ea) {}

  /** An organisation with a wallet, a sandbox Visa ending 4242 and a registered EA. */
  private Funded organisation(String name) throws Exception {
    TestOrg org = Fixtures.organisation(name, "USD");
    Fixtures.wallet(org);
    long card = Fixtures.card(org);
    String ea = "5" + String.valueOf(System.nanoTime()).substring(0, 7);
    Fixtures.eaAgreement(org, ea);
    long eaId =
        api()
            .post(
                "payment-methods",
                org.key(Role.GLOBAL_ADMIN),
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + ea + "\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    return new Funded(org, card, eaId);
  }

  private ApiClient.Reply fund(TestOrg org, long method, String amount, String po)
      throws Exception {
    return api()
        .post(
            "wallet/fundings",
            org.key(Role.BILLING_ADMIN),
            UUID.randomUUID().toString(),
            "{\"amount\":{\"amount\":\""
                + amount
                + "\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + method
                + (po == null ? "" : ",\"purchaseOrder\":\"" + po + "\"")
                + "}");
  }

  /**
   * A funding of 10.00 on its own HTTP/1.1 connection: concurrent requests that each open a
   * connection with an h2c upgrade and a body make Liberty drop some (GOAWAY), which is not what
   * this test is about.
   */
  private HttpResponse<String> fundOverHttp11(TestOrg org, long method, boolean byCard)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client.send(
        HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings"))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + org.key(Role.BILLING_ADMIN))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":{\"amount\":\"10.00\",\"currency\":\"USD\"},"
                        + "\"paymentMethodId\":"
                        + method
                        + (byCard ? "" : ",\"purchaseOrder\":\"PO-7\"")
                        + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<Long> receiptNumbers(TestOrg org) throws Exception {
    List<Long> numbers = new ArrayList<>();
    try (Connection c = Fixtures.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT number FROM billing_document WHERE organisation_id = ? AND kind = "
                    + "'RECEIPT' ORDER BY number")) {
      ps.setLong(1, org.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          numbers.add(rs.getLong(1));
        }
      }
    }
    return numbers;
  }

  @Test
  void R_RECEIPT_1_concurrent_fundings_get_receipt_numbers_1_to_N_without_gaps_or_duplicates()
      throws Exception {
    Funded f = organisation("Numbering");
    int n = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<HttpResponse<String>>> fundings = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean byCard = i % 2 == 0;
        fundings.add(() -> fundOverHttp11(f.org(), byCard ? f.card() : f.ea(), byCard));
      }
      for (Future<HttpResponse<String>> reply : pool.invokeAll(fundings)) {
        assertEquals(201, reply.get().statusCode(), reply.get().body());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        LongStream.rangeClosed(1, n).boxed().toList(),
        receiptNumbers(f.org()),
        "one receipt per funding, numbered 1..N");
    assertEquals(
        n,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding f JOIN billing_document d ON d.funding_id = f.id "
                + "WHERE f.organisation_id = ? AND f.status = 'SUCCEEDED'",
            f.org().id()));
    // another organisation's sequence starts at 1 of its own
    Funded other = organisation("Numbering other");
    assertEquals(201, fund(other.org(), other.card(), "10.00", null).status());
    assertEquals(List.of(1L), receiptNumbers(other.org()));
  }

  @Test
  void R_RECEIPT_2_the_receipt_PDF_names_its_number_seller_buyer_amount_method_tax_and_expiry()
      throws Exception {
    Funded f = organisation("Receipt");
    ApiClient.Reply card = fund(f.org(), f.card(), "123.45", null);
    assertEquals(201, card.status(), card.body());
    long cardFunding = card.json().getJsonNumber("id").longValue();
    Instant expires = Instant.parse(card.json().getJsonObject("lot").getString("expiresAt"));
    ApiClient.Reply ea = fund(f.org(), f.ea(), "250.00", "PO-2026-17");
    assertEquals(201, ea.status(), ea.body());
    long eaFunding = ea.json().getJsonNumber("id").longValue();

    HttpResponse<byte[]> pdf =
        Pdfs.get(
            base.toURI(),
            "wallet/fundings/" + cardFunding + "/receipt",
            f.org().key(Role.BILLING_ADMIN));
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("R-000001.pdf"));
    String text = Pdfs.text(pdf.body());
    assertTrue(text.contains("Receipt"), text);
    assertTrue(text.contains("R-000001"), "number: " + text);
    assertTrue(text.contains("Communications Credits Operations"), "seller: " + text);
    assertTrue(text.contains(f.org().name()), "buyer: " + text);
    assertTrue(text.contains("Billing country US"), text);
    assertTrue(text.contains("123.45 USD"), "amount: " + text);
    assertTrue(text.contains("Visa ending 4242"), "method: " + text);
    assertTrue(text.contains("Tax (US, 0 %) 0.00 USD"), "tax line: " + text);
    String expiry = DATE.format(expires.atZone(ZoneId.of("America/Los_Angeles")));
    assertTrue(text.contains("Funds expire on " + expiry), "expiry " + expiry + ": " + text);

    String eaText =
        Pdfs.text(
            Pdfs.get(
                    base.toURI(),
                    "wallet/fundings/" + eaFunding + "/receipt",
                    f.org().key(Role.GLOBAL_ADMIN))
                .body());
    assertTrue(eaText.contains("R-000002"), eaText);
    assertTrue(eaText.contains("250.00 USD"), eaText);
    assertTrue(eaText.contains("Enterprise Agreement 5"), eaText);
    assertTrue(eaText.contains(", PO PO-2026-17"), eaText);

    // the lots table links each lot's receipt; the link downloads the same PDF
    WebSession web = new WebSession(base.toURI()).signedIn(f.org().email(Role.BILLING_ADMIN));
    assertTrue(
        web.get("billing/credits").body().contains("billing/documents?funding=" + cardFunding));
    assertTrue(
        Pdfs.text(web.getBytes("billing/documents?funding=" + cardFunding)).contains("R-000001"));
  }

  @Test
  void R_RECEIPT_2_another_organisations_receipt_is_not_found_and_a_reports_reader_is_refused()
      throws Exception {
    Funded f = organisation("Isolated");
    ApiClient.Reply card = fund(f.org(), f.card(), "20.00", null);
    long funding = card.json().getJsonNumber("id").longValue();
    TestOrg other = Fixtures.organisation("Snooper", "USD");
    String path = "wallet/fundings/" + funding + "/receipt";
    assertEquals(404, Pdfs.get(base.toURI(), path, other.key(Role.GLOBAL_ADMIN)).statusCode());
    HttpResponse<byte[]> missing =
        Pdfs.get(base.toURI(), "wallet/fundings/999999999/receipt", f.org().key(Role.GLOBAL_ADMIN));
    assertEquals(404, missing.statusCode());
    assertTrue(
        missing.headers().firstValue("Content-Type").orElse("").contains("problem+json"),
        "refusals are problems");
    assertEquals(
        404,
        Pdfs.get(base.toURI(), "wallet/fundings/abc/receipt", f.org().key(Role.GLOBAL_ADMIN))
            .statusCode());
    assertEquals(403, Pdfs.get(base.toURI(), path, f.org().key(Role.REPORTS_READER)).statusCode());
    WebSession snooper = new WebSession(base.toURI()).signedIn(other.email(Role.GLOBAL_ADMIN));
    assertEquals(404, snooper.get("billing/documents?funding=" + funding).statusCode());
  }

  @Test
  void R_RECEIPT_3_the_recharge_succeeded_email_carries_the_auto_recharges_receipt()
      throws Exception {
    Funded f = organisation("Recharged");
    assertEquals(201, fund(f.org(), f.card(), "20.00", null).status());
    // a trigger above the balance: saving the settings recharges once
    ApiClient.Reply saved =
        api()
            .put(
                "wallet/auto-recharge",
                f.org().key(Role.GLOBAL_ADMIN),
                "{\"enabled\":true,\"rechargeAmount\":{\"amount\":\"30.00\",\"currency\":\"USD\"},"
                    + "\"triggerBelow\":{\"amount\":\"50.00\",\"currency\":\"USD\"},"
                    + "\"paymentMethodId\":"
                    + f.card()
                    + "}");
    assertEquals(200, saved.status(), saved.body());
    String billing = f.org().email(Role.BILLING_ADMIN);
    MimeMessage mail = awaitMail(billing, "Auto-recharge added");
    long fundingId =
        Fixtures.count(
            "SELECT MAX(id) FROM funding WHERE organisation_id = ? AND source = 'AUTO_RECHARGE'",
            f.org().id());
    assertEquals(
        2,
        Fixtures.count("SELECT number FROM billing_document WHERE funding_id = ?", fundingId),
        "the recharge's receipt is the organisation's second");
    byte[] attached = pdfAttachment(mail);
    String text = Pdfs.text(attached);
    assertTrue(text.contains("R-000002"), text);
    assertTrue(text.contains("30.00 USD"), text);
    assertTrue(text.contains("auto-recharge"), text);
    assertTrue(text.contains("Visa ending 4242"), text);
  }

  static MimeMessage awaitMail(String to, String subjectPart) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : MailServerSession.mail().getReceivedMessages()) {
        if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(a -> a.toString().equals(to))
            && m.getSubject().contains(subjectPart)) {
          return m;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no email to " + to + " about " + subjectPart);
  }

  /** The bytes of the message's PDF attachment. */
  static byte[] pdfAttachment(MimeMessage mail) throws Exception {
    assertTrue(mail.getContent() instanceof Multipart, "a multipart message");
    Multipart mixed = (Multipart) mail.getContent();
    for (int i = 0; i < mixed.getCount(); i++) {
      BodyPart part = mixed.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
          || (part.getFileName() != null && part.getFileName().endsWith(".pdf"))) {
        assertTrue(part.getContentType().startsWith("application/pdf"), part.getContentType());
        return part.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no PDF attached");
  }
}
