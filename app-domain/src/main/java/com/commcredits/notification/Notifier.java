package com.commcredits.notification;

import com.commcredits.config.AppSettings;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Writes notifications into the outbox inside the caller's transaction (R-NOTIFY-2): if the event
 * rolls back, so does its email; a repeated event (same dedupe key) is written once. Recipients are
 * the organisation's billing contacts (Settings > Billing notifications; by default its Global and
 * Billing admins).
 */
@Stateless
public class Notifier {
  @Inject NotificationRepository outbox;
  @Inject BillingContacts contacts;
  @Inject Clock clock;
  @Inject AppSettings settings;

  /** Must run inside the event's transaction. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean notify(
      long organisationId, NotificationEvent event, String dedupeKey, String subject, String text) {
    return notify(organisationId, event, dedupeKey, subject, text, null);
  }

  /**
   * The same, with a document attached when the email is sent ({@link AttachmentSource}), e.g.
   * "receipt:42" for a funding's receipt.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean notify(
      long organisationId,
      NotificationEvent event,
      String dedupeKey,
      String subject,
      String text,
      String attachment) {
    String link = creditsLink();
    List<String> recipients = contacts.recipients(organisationId);
    String html =
        "<p>"
            + escape(text).replace("\n", "<br>")
            + "</p><p><a href=\""
            + escape(link)
            + "\">"
            + "Open Communications Credits</a></p>";
    return outbox.addIfNew(
        new Notification(
                organisationId,
                event,
                event.name() + ":" + dedupeKey,
                recipients,
                subject,
                text + "\n\n" + link,
                html,
                clock.instant())
            .attaching(attachment));
  }

  /** The message center: every notification, newest first. */
  public Page<Notification> messageCenter(Caller caller, int page, int size) {
    if (!caller.can(Permission.MANAGE_BILLING)) {
      caller.require(Permission.MANAGE_SETTINGS);
    }
    Page.validate(page, size, 500);
    return outbox.list(caller.organisationId(), page, size);
  }

  /**
   * Every billing email links to the Communications Credits page (PUBLIC_URL is the admin center's
   * address).
   */
  String creditsLink() {
    return settings.publicUrl() + "/billing/credits";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
