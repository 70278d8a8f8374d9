package com.commcredits.access;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.shared.Caller;
import com.commcredits.shared.EmailAddress;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Settings > Admins: list, add and change the organisation's admin accounts; every change is
 * audited.
 */
@Stateless
public class AdminService {

  @Inject AdminAccountRepository accounts;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<AdminAccount> list(Caller caller) {
    caller.require(Permission.MANAGE_SETTINGS);
    return accounts.list(caller.organisationId());
  }

  public AdminAccount get(Caller caller, long id) {
    caller.require(Permission.MANAGE_SETTINGS);
    return accounts
        .find(caller.organisationId(), id)
        .orElseThrow(() -> new NotFoundException("The admin"));
  }

  public AdminAccount create(Caller caller, NewAdmin command) {
    caller.require(Permission.MANAGE_SETTINGS);
    Validator v =
        new Validator()
            .required(command.email(), "email", "Email", 254)
            .required(command.displayName(), "displayName", "Display name", 200)
            .check(
                command.roles() != null && !command.roles().isEmpty(),
                "roles",
                "Choose at least one role.")
            .check(
                command.roles() == null || !command.roles().contains(Role.PLATFORM),
                "roles",
                "The platform role is for API keys only.");
    if (command.email() != null && !command.email().isBlank()) {
      v.check(
          EmailAddress.isValid(command.email()),
          "email",
          "Enter an email address like name@example.com.");
    }
    String weakness = PasswordHasher.weakness(command.password());
    v.check(weakness == null, "password", weakness == null ? "" : weakness);
    v.throwIfInvalid();
    if (accounts.emailExists(AdminAccount.normaliseEmail(command.email()))) {
      throw ValidationException.of("email", "An admin with this email already exists.");
    }
    AdminAccount account =
        accounts.add(
            new AdminAccount(
                caller.organisationId(),
                command.email(),
                command.displayName(),
                PasswordHasher.hash(command.password().toCharArray()),
                command.roles(),
                clock.instant()));
    audit.record(
        caller,
        AuditAction.ADMIN_CREATED,
        "admin",
        account.id(),
        "Added admin " + account.email(),
        null,
        account.describe());
    return account;
  }

  public AdminAccount change(Caller caller, long id, Set<Role> roles, boolean enabled) {
    AdminAccount account = get(caller, id);
    new Validator()
        .check(roles != null && !roles.isEmpty(), "roles", "Choose at least one role.")
        .check(
            roles == null || !roles.contains(Role.PLATFORM),
            "roles",
            "The platform role is for API keys only.")
        .check(
            caller.actorType() != Caller.ActorType.ADMIN
                || caller.actorId() != id
                || (enabled && roles != null && roles.contains(Role.GLOBAL_ADMIN)),
            "roles",
            "You cannot remove your own Global admin role or disable yourself.")
        .throwIfInvalid();
    String before = account.describe();
    account.changeRoles(roles);
    account.setEnabled(enabled);
    audit.record(
        caller,
        AuditAction.ADMIN_CHANGED,
        "admin",
        id,
        "Changed admin " + account.email(),
        before,
        account.describe());
    return account;
  }

  public void unlock(Caller caller, long id) {
    AdminAccount account = get(caller, id);
    account.unlock();
    audit.record(
        caller,
        AuditAction.ADMIN_UNLOCKED,
        "admin",
        id,
        "Unlocked admin " + account.email(),
        null,
        null);
  }

  /** The input of {@link #create}. */
  public record NewAdmin(String email, String displayName, Set<Role> roles, String password) {}
}
