package com.commcredits.access;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Form sign-in: checks the password, counts failures under a row lock, locks the account after five
 * failures in fifteen minutes, throttles an address that fails too often, and audits every outcome.
 * Every refusal costs the same time (one password hash) so none can be told apart by timing.
 */
@Stateless
public class SignInService {
  /** Hashed once so that an unknown email costs as much time as a wrong password. */
  private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());

  @Inject AdminAccountRepository accounts;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject AddressThrottle throttle;
  @Inject OrganisationRepository organisations;

  /**
   * @param address the client's address, for the per-address throttle
   */
  public SignInOutcome signIn(String email, char[] password, String address) {
    Instant now = clock.instant();
    if (throttle.isThrottled(address, now)) {
      PasswordHasher.verify(password, DUMMY_HASH);
      return SignInOutcome.invalid();
    }
    SignInOutcome outcome = check(email, password, now);
    if (outcome.status() != SignInOutcome.Status.SIGNED_IN) {
      throttle.failed(address, now);
    }
    return outcome;
  }

  private SignInOutcome check(String email, char[] password, Instant now) {
    Optional<AdminAccount> found =
        email == null || email.isBlank()
            ? Optional.empty()
            : accounts.findByEmailForUpdate(AdminAccount.normaliseEmail(email));
    if (found.isEmpty() || !found.get().enabled()) {
      PasswordHasher.verify(password, DUMMY_HASH);
      return SignInOutcome.invalid();
    }
    AdminAccount account = found.get();
    Caller actor = account.asCaller();
    if (account.isLocked(now)) {
      PasswordHasher.verify(password, DUMMY_HASH);
      audit.record(
          actor,
          AuditAction.SIGN_IN_REFUSED_LOCKED,
          "admin",
          account.id(),
          "Sign-in refused: account locked until " + account.lockedUntil(),
          null,
          null);
      return SignInOutcome.locked(account.lockedUntil());
    }
    if (!PasswordHasher.verify(password, account.passwordHash())) {
      boolean lockedNow = account.recordFailedSignIn(now);
      audit.record(
          actor,
          AuditAction.SIGN_IN_FAILED,
          "admin",
          account.id(),
          "Wrong password for " + account.email(),
          null,
          null);
      if (lockedNow) {
        audit.record(
            actor,
            AuditAction.ACCOUNT_LOCKED,
            "admin",
            account.id(),
            "Locked after "
                + AdminAccount.MAX_FAILURES
                + " failed sign-ins until "
                + account.lockedUntil(),
            null,
            null);
        return SignInOutcome.locked(account.lockedUntil());
      }
      return SignInOutcome.invalid();
    }
    account.recordSuccessfulSignIn(now);
    audit.record(actor, AuditAction.SIGN_IN, "admin", account.id(), "Signed in", null, null);
    return SignInOutcome.signedIn(account.id());
  }

  public void signedOut(Caller caller) {
    audit.record(caller, AuditAction.SIGN_OUT, "admin", caller.actorId(), "Signed out", null, null);
  }

  /**
   * The caller for a signed-in session, read afresh so that role changes and disabling apply at
   * once.
   */
  public Optional<Caller> callerFor(long adminId) {
    return accounts
        .findById(adminId)
        .filter(AdminAccount::enabled)
        .map(AdminAccount::asCaller)
        .map(this::operatorAware);
  }

  /**
   * A Global admin of the organisation that publishes the rates is the operator's admin
   * (R-FUND-12); the flag is read afresh, like the roles.
   */
  private Caller operatorAware(Caller caller) {
    boolean operator =
        caller.roles().contains(Role.GLOBAL_ADMIN)
            && organisations
                .find(caller.organisationId())
                .map(Organisation::publishesRates)
                .orElse(false);
    return operator ? caller.asOperator() : caller;
  }
}
