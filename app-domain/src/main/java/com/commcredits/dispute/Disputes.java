package com.commcredits.dispute;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.rating.CallRecord;
import com.commcredits.rating.CallRecordRepository;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.LedgerRepository;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Disputes of rated calls (R-DISPUTE): a tenant's Billing or Global admins open one with a reason
 * (under the organisation's lock), and read them; the operator reads every tenant's. Decisions are
 * {@link DisputeDecisions}.
 */
@Stateless
public class Disputes {
  @Inject DisputeRepository disputes;
  @Inject CallRecordRepository calls;
  @Inject OrganisationRepository organisations;
  @Inject LedgerRepository ledger;
  @Inject WalletRepository wallets;
  @Inject Notifier notifier;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /**
   * Opens a dispute of one of the caller's organisation's rated calls (R-DISPUTE-1). A call not
   * charged to the wallet has nothing to refund (400); a call with an open dispute, or already
   * refunded, is a conflict (409, R-DISPUTE-2).
   */
  public CallDispute open(Caller caller, String callId, String reason) {
    caller.require(Permission.MANAGE_BILLING);
    String id = callId == null ? "" : callId.strip();
    new Validator()
        .required(id, "callId", "The call id", 100)
        .required(reason, "reason", "A reason", 500)
        .throwIfInvalid();
    long org = caller.organisationId();
    // the organisation's lock serialises disputes of its calls (and every money transaction)
    organisations.lock(org).orElseThrow(() -> new NotFoundException("The organisation"));
    CallRecord call = calls.existing(org, List.of(id)).get(id);
    if (call == null) {
      throw new NotFoundException("The call");
    }
    if (call.ledgerEntryId() == null) {
      throw ValidationException.of(
          "callId", "Call " + id + " was not charged to the wallet; there is nothing to refund.");
    }
    for (CallDispute earlier : disputes.forCall(call.id())) {
      if (earlier.status() == DisputeStatus.OPEN) {
        throw new AlreadyDoneException("Call " + id + " already has an open dispute.");
      }
      if (earlier.status() == DisputeStatus.APPROVED) {
        throw new AlreadyDoneException("Call " + id + " was already refunded.");
      }
    }
    if (ledger.reversalOf(walletIdOf(call), call.ledgerEntryId()).isPresent()) {
      throw new AlreadyDoneException("Call " + id + " was already refunded.");
    }
    Money charge = Money.of(call.charge(), call.currency());
    String why = reason.strip();
    CallDispute dispute =
        disputes.add(
            new CallDispute(org, call.id(), id, charge, why, caller.actorName(), clock.instant()));
    audit.record(
        caller,
        AuditAction.DISPUTE_OPENED,
        "call-dispute",
        dispute.id(),
        "Disputed call " + id + " (" + charge + "): " + why,
        null,
        "status=OPEN");
    notifier.notify(
        org,
        NotificationEvent.DISPUTE_OPENED,
        "dispute:" + dispute.id(),
        "Dispute of call " + id + " received",
        caller.actorName()
            + " disputed call "
            + id
            + " ("
            + charge
            + ").\nReason: "
            + why
            + "\nThe operator will approve it (and refund the charge) or reject it; you will get"
            + " an email either way.");
    return dispute;
  }

  /**
   * Disputes newest first: the operator sees every organisation's, a tenant its own (R-DISPUTE-4).
   */
  public Page<CallDispute> list(Caller caller, DisputeStatus status, int page, int size) {
    Page.validate(page, size, 200);
    Long org = scope(caller);
    return new Page<>(
        disputes.list(org, status, page * size, size), page, size, disputes.count(org, status));
  }

  /** One dispute; another organisation's is not found unless the caller is the operator. */
  public CallDispute get(Caller caller, long disputeId) {
    Long org = scope(caller);
    return disputes
        .find(disputeId)
        .filter(d -> org == null || d.organisationId() == org)
        .orElseThrow(() -> new NotFoundException("The dispute"));
  }

  /** The newest dispute of each of these calls of the caller's organisation (the usage report). */
  public Map<String, CallDispute> forCalls(Caller caller, Collection<String> callIds) {
    caller.require(Permission.VIEW_REPORTS);
    return callIds.isEmpty() ? Map.of() : disputes.latestForCalls(caller.organisationId(), callIds);
  }

  /** How many of the organisation's disputes are open (Home's card). */
  public long openCount(long organisationId) {
    return disputes.count(organisationId, DisputeStatus.OPEN);
  }

  /** Null (every organisation) for the operator, else the caller's own organisation. */
  private static Long scope(Caller caller) {
    if (caller.can(Permission.OPERATE_TENANTS)) {
      return null;
    }
    if (!caller.can(Permission.MANAGE_BILLING)) {
      caller.require(Permission.VIEW_REPORTS);
    }
    return caller.organisationId();
  }

  private long walletIdOf(CallRecord call) {
    return wallets
        .findForOrganisation(call.organisationId())
        .map(Wallet::id)
        .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
  }

  private String name(long organisationId) {
    return organisations.find(organisationId).map(Organisation::name).orElse("the operator");
  }
}
