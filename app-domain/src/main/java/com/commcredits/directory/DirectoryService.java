package com.commcredits.directory;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.organisation.Organisation;
import com.commcredits.shared.Caller;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Users > Active users: search and add directory users; changes are audited. */
@Stateless
public class DirectoryService {
  private static final Pattern UPN =
      Pattern.compile("^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");

  @Inject DirectoryUserRepository users;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject HeldLicences heldLicences;

  public Page<DirectoryUser> search(Caller caller, String query, int page, int size) {
    return search(caller, query, UserSort.NAME, page, size);
  }

  public Page<DirectoryUser> search(
      Caller caller, String query, UserSort sort, int page, int size) {
    caller.require(Permission.MANAGE_USERS);
    Page.validate(page, size, 500);
    return users.search(
        caller.organisationId(), query == null ? "" : query.strip(), sort, page, size);
  }

  public DirectoryUser get(Caller caller, String upn) {
    caller.require(Permission.MANAGE_USERS);
    return users
        .findByUpn(caller.organisationId(), upn == null ? "" : DirectoryUser.normaliseUpn(upn))
        .orElseThrow(() -> new NotFoundException("The user"));
  }

  public DirectoryUser add(Caller caller, NewUser command) {
    caller.require(Permission.MANAGE_USERS);
    validate(command).throwIfInvalid();
    String upn = DirectoryUser.normaliseUpn(command.upn());
    if (users.findByUpn(caller.organisationId(), upn).isPresent()) {
      throw ValidationException.of("upn", "A user with this user name already exists.");
    }
    return insert(caller, command, upn);
  }

  /**
   * Adds every row of a bulk import, or none: each refused row is reported with its number and
   * reason (field "row 3"), duplicates within the file included.
   */
  public int importUsers(Caller caller, List<NewUser> rows) {
    caller.require(Permission.MANAGE_USERS);
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      String row = "row " + (i + 2);
      NewUser command = rows.get(i);
      try {
        validate(command).throwIfInvalid();
        String upn = DirectoryUser.normaliseUpn(command.upn());
        if (!seen.add(upn)) {
          errors.add(new FieldError(row, upn + " appears twice in the file."));
        } else if (users.findByUpn(caller.organisationId(), upn).isPresent()) {
          errors.add(new FieldError(row, upn + " already exists."));
        }
      } catch (ValidationException e) {
        e.errors().forEach(err -> errors.add(new FieldError(row, err.message())));
      }
    }
    if (rows.isEmpty()) {
      errors.add(new FieldError("file", "The file has no user rows."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    for (NewUser command : rows) {
      insert(caller, command, DirectoryUser.normaliseUpn(command.upn()));
    }
    return rows.size();
  }

  private DirectoryUser insert(Caller caller, NewUser command, String upn) {
    DirectoryUser user =
        users.add(
            new DirectoryUser(
                caller.organisationId(),
                command.displayName(),
                upn,
                command.usageLocation().strip().toUpperCase(Locale.ROOT),
                clock.instant()));
    audit.record(
        caller,
        AuditAction.USER_CREATED,
        "user",
        user.upn(),
        "Added user " + user.upn(),
        null,
        user.describe());
    return user;
  }

  private Validator validate(NewUser command) {
    Validator v =
        new Validator()
            .required(command.displayName(), "displayName", "Display name", 256)
            .required(command.upn(), "upn", "User name (UPN)", 254)
            .required(command.usageLocation(), "usageLocation", "Usage location", 2);
    if (command.upn() != null && !command.upn().isBlank()) {
      v.check(
          UPN.matcher(command.upn().strip()).matches(),
          "upn",
          "Enter a user name like alex@contoso.com.");
    }
    if (command.usageLocation() != null && !command.usageLocation().isBlank()) {
      v.check(
          Organisation.isCountry(command.usageLocation().strip().toUpperCase(Locale.ROOT)),
          "usageLocation",
          "Usage location must be a two-letter ISO country code such as US, CA or GB.");
    }
    return v;
  }

  /** Changes a user's display name and usage location. */
  public DirectoryUser edit(Caller caller, String upn, String displayName, String usageLocation) {
    DirectoryUser user = get(caller, upn);
    Validator v =
        new Validator()
            .required(displayName, "displayName", "Display name", 256)
            .required(usageLocation, "usageLocation", "Usage location", 2);
    if (usageLocation != null && !usageLocation.isBlank()) {
      v.check(
          Organisation.isCountry(usageLocation.strip()),
          "usageLocation",
          "Usage location must be a two-letter ISO country code such as US, CA or GB.");
    }
    v.throwIfInvalid();
    String before = user.describe();
    user.change(displayName, usageLocation.strip());
    audit.record(
        caller,
        AuditAction.USER_CHANGED,
        "user",
        user.upn(),
        "Changed user " + user.upn(),
        before,
        user.describe());
    return user;
  }

  public DirectoryUser setBlocked(Caller caller, String upn, boolean blocked) {
    DirectoryUser user = get(caller, upn);
    String before = user.describe();
    user.setState(blocked ? UserState.BLOCKED : UserState.ACTIVE);
    audit.record(
        caller,
        blocked ? AuditAction.USER_BLOCKED : AuditAction.USER_UNBLOCKED,
        "user",
        user.upn(),
        (blocked ? "Blocked " : "Unblocked ") + user.upn(),
        before,
        user.describe());
    return user;
  }

  /** Deletes a user who holds no licence (remove them first). */
  public void delete(Caller caller, String upn) {
    DirectoryUser user = get(caller, upn);
    if (heldLicences.holdsAny(user.id())) {
      throw ValidationException.of("upn", user.upn() + " still holds licences: remove them first.");
    }
    users.remove(user);
    audit.record(
        caller,
        AuditAction.USER_DELETED,
        "user",
        user.upn(),
        "Deleted user " + user.upn(),
        user.describe(),
        null);
  }

  /** The input of {@link #add}. */
  public record NewUser(String displayName, String upn, String usageLocation) {}
}
