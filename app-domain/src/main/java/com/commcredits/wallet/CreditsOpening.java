package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.subscription.Subscription;
import com.commcredits.subscription.SubscriptionRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens Communications Credits for an organisation: the add-on subscription and the wallet in its
 * currency (R-SUB-1, R-FUND-1).
 */
@Stateless
public class CreditsOpening {
  /**
   * Communications Credits licences that come with the add-on; the quantity can be changed later.
   */
  static final int CREDITS_LICENCES = 100;

  @Inject WalletRepository wallets;
  @Inject SubscriptionRepository subscriptions;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Opens the add-on and the wallet; does nothing when the wallet exists. */
  public Wallet openCredits(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    Organisation organisation =
        organisations
            .lock(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Optional<Wallet> existing = wallets.findForOrganisation(organisation.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    Subscription subscription =
        subscriptions.add(
            new Subscription(
                organisation.id(),
                "COMMUNICATIONS_CREDITS",
                CREDITS_LICENCES,
                now.atZone(organisation.timeZone()).toLocalDate(),
                now));
    Wallet wallet = wallets.add(new Wallet(organisation.id(), organisation.currency(), now));
    audit.record(
        caller,
        AuditAction.CREDITS_PURCHASED,
        "subscription",
        subscription.id(),
        "Bought Communications Credits (wallet in " + organisation.currency() + ")",
        null,
        subscription.describe());
    return wallet;
  }
}
