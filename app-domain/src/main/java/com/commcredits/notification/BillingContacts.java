package com.commcredits.notification;

import com.commcredits.access.AdminAccount;
import com.commcredits.access.AdminAccountRepository;
import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.shared.Caller;
import com.commcredits.shared.EmailAddress;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import com.commcredits.shared.ValidationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Settings > Billing notifications (R-NOTIFY-1): the addresses that receive billing emails; when
 * none is listed, the organisation's enabled Global and Billing admins do.
 */
@Stateless
public class BillingContacts {
  private static final int MAX = 20;

  @Inject NotificationRepository contacts;
  @Inject AdminAccountRepository admins;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The addresses billing emails go to now. */
  public List<String> recipients(long organisationId) {
    List<String> listed = contacts.contacts(organisationId);
    return listed.isEmpty() ? defaults(organisationId) : listed;
  }

  public List<String> defaults(long organisationId) {
    return admins.list(organisationId).stream()
        .filter(AdminAccount::enabled)
        .filter(
            a -> a.roles().contains(Role.GLOBAL_ADMIN) || a.roles().contains(Role.BILLING_ADMIN))
        .map(AdminAccount::email)
        .toList();
  }

  public List<String> listed(Caller caller) {
    caller.require(Permission.MANAGE_SETTINGS);
    return contacts.contacts(caller.organisationId());
  }

  /** Replaces the list; an empty list returns to the default recipients. Audited. */
  public void replace(Caller caller, String text) {
    caller.require(Permission.MANAGE_SETTINGS);
    Set<String> emails = new LinkedHashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (String line : (text == null ? "" : text).split("[\\s,;]+")) {
      String email = line.strip().toLowerCase(Locale.ROOT);
      if (email.isEmpty()) {
        continue;
      }
      if (!EmailAddress.isValid(email)) {
        errors.add(new FieldError("emails", "'" + email + "' is not an email address."));
      }
      emails.add(email);
    }
    if (emails.size() > MAX) {
      errors.add(new FieldError("emails", "List at most " + MAX + " addresses."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    List<String> before = contacts.contacts(caller.organisationId());
    contacts.replaceContacts(caller.organisationId(), List.copyOf(emails), clock.instant());
    audit.record(
        caller,
        AuditAction.BILLING_CONTACTS_CHANGED,
        "organisation",
        caller.organisationId(),
        emails.isEmpty()
            ? "Billing emails go to the Global and Billing admins"
            : "Billing emails go to " + emails,
        String.join(",", before),
        String.join(",", emails));
  }
}
