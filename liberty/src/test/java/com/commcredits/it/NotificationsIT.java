package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonValue;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Emails through a real SMTP server (GreenMail): written with the event, sent once, kept while SMTP
 * is down (R-NOTIFY).
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private record Setup(TestOrg org, WebSession web) {}

  private Setup fundedOrganisation(String amount) throws Exception {
    TestOrg org = Fixtures.organisation("Mail", "USD");
    Fixtures.wallet(org);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    adjust(org, "CREDIT", amount);
    return new Setup(org, web);
  }

  /** Money moved by hand is the operator's act (R-FUND-12); the tenant is emailed about it too. */
  private void adjust(TestOrg org, String direction, String amount) throws Exception {
    new ApiClient(base.toURI()).operatorAdjust(org, direction, amount, "test " + direction);
  }

  /**
   * Distinct emails (GreenMail keeps a copy per recipient) addressed to someone, with a subject.
   */
  private static List<MimeMessage> mailsTo(String address, String subjectPart) throws Exception {
    Set<String> seen = new HashSet<>();
    return Arrays.stream(MailServerSession.mail().getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address))
                    && m.getSubject().contains(subjectPart)
                    && seen.add(m.getMessageID());
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(500);
    }
  }

  /**
   * Returns once no delivery of the organisation's notifications is running: a delivery holds its
   * notification's row lock from the claim until it has mailed and recorded the outcome, so taking
   * those locks waits for it, and what the SMTP server holds afterwards is final for every row that
   * is no longer QUEUED.
   */
  private static void awaitNoDeliveryRunning(long organisationId) throws SQLException {
    try (Connection c = Fixtures.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT id FROM notification WHERE organisation_id = ? FOR UPDATE")) {
        ps.setLong(1, organisationId);
        ps.executeQuery().close();
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void R_NOTIFY_1_the_balance_reaching_zero_emails_the_billing_contacts_once_per_crossing()
      throws Exception {
    Setup s = fundedOrganisation("10.00");
    adjust(s.org(), "DEBIT", "10.00");
    String global = s.org().email(Role.GLOBAL_ADMIN);
    String billing = s.org().email(Role.BILLING_ADMIN);
    await(
        "the zero-balance email",
        () -> {
          try {
            return mailsTo(global, "balance is").size() == 1
                && mailsTo(billing, "balance is").size() == 1;
          } catch (Exception e) {
            return false;
          }
        });
    MimeMessage mail = mailsTo(billing, "balance is").get(0);
    assertTrue(mail.getContentType().startsWith("multipart/alternative"), "HTML and plain text");
    assertTrue(mail.getSubject().contains("0.00 USD"), mail.getSubject());
    assertEquals(
        0,
        mailsTo(s.org().email(Role.REPORTS_READER), "balance is").size(),
        "billing contacts only");

    adjust(s.org(), "DEBIT", "5.00");
    // a notification is written in the transaction of its event (R-NOTIFY-2): once the debit has
    // answered, a second email would already be in the outbox
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = "
                + "'BALANCE_AT_OR_BELOW_ZERO'",
            s.org().id()),
        "still below zero: no second notification");
    awaitNoDeliveryRunning(s.org().id());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = "
                + "'BALANCE_AT_OR_BELOW_ZERO' AND status = 'SENT'",
            s.org().id()));
    assertEquals(1, mailsTo(billing, "balance is").size(), "still below zero: no second email");
    assertTrue(
        s.web().get("messages").body().contains("Balance at or below zero"),
        "listed in the message center");
    ApiClient.Reply api =
        new ApiClient(base.toURI()).get("notifications", s.org().key(Role.BILLING_ADMIN));
    // the operator's adjustments are emailed too (R-FUND-12): pick the zero-balance one
    assertEquals(
        "SENT",
        api.json().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(n -> "BALANCE_AT_OR_BELOW_ZERO".equals(n.getString("event")))
            .findFirst()
            .orElseThrow()
            .getString("status"));
  }

  @Test
  void R_NOTIFY_2_a_notification_waits_while_SMTP_is_down_and_is_delivered_once_when_it_is_back()
      throws Exception {
    Setup s = fundedOrganisation("20.00");
    String billing = s.org().email(Role.BILLING_ADMIN);
    MailServerSession.stop();
    try {
      adjust(s.org(), "DEBIT", "25.00");
      await(
          "a failed delivery attempt",
          () ->
              Fixtures.count(
                      "SELECT COUNT(*) FROM notification WHERE organisation_id = ? "
                          + "AND event = 'BALANCE_AT_OR_BELOW_ZERO' AND status = 'QUEUED' "
                          + "AND attempts >= 1 AND last_error IS NOT NULL",
                      s.org().id())
                  == 1);
    } finally {
      MailServerSession.restart();
    }
    await(
        "delivery after SMTP is back",
        () ->
            Fixtures.count(
                    "SELECT COUNT(*) FROM notification WHERE organisation_id = ? "
                        + "AND event = 'BALANCE_AT_OR_BELOW_ZERO' AND status = 'SENT'",
                    s.org().id())
                == 1);
    awaitNoDeliveryRunning(s.org().id());
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? "
                + "AND event = 'BALANCE_AT_OR_BELOW_ZERO' AND status <> 'SENT'",
            s.org().id()),
        "nothing left to deliver");
    assertEquals(1, mailsTo(billing, "balance is").size(), "delivered exactly once");
  }

  @Test
  void R_NOTIFY_1_billing_notifications_go_to_the_listed_contacts_instead_of_the_admins()
      throws Exception {
    Setup s = fundedOrganisation("5.00");
    WebSession global = new WebSession(base.toURI()).signedIn(s.org().email(Role.GLOBAL_ADMIN));
    assertEquals(
        400, global.post("settings/notifications", Map.of("emails", "not-an-email")).statusCode());
    String finance = "finance@" + s.org().domain();
    assertEquals(
        302, global.post("settings/notifications", Map.of("emails", finance)).statusCode());
    adjust(s.org(), "DEBIT", "5.00");
    await(
        "the email to the listed contact",
        () -> {
          try {
            return mailsTo(finance, "balance is").size() == 1;
          } catch (Exception e) {
            return false;
          }
        });
    assertEquals(
        0,
        mailsTo(s.org().email(Role.BILLING_ADMIN), "balance is").size(),
        "the admins are not the contacts now");
  }
}
