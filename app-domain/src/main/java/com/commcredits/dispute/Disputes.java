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
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.BillingDocument;
import com.commcredits.wallet.DocumentIssuer;
import com.commcredits.wallet.LedgerRepository;
import com.commcredits.wallet.Reversals;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletLocks;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Disputes of rated calls (R-DISPUTE): a tenant's Billing or Global admins open one with a reason;
 * the operator approves it (a refund through {@link Reversals} back to the lots that paid, and a
 * credit note) or rejects it with a reason; the tenant is emailed when it is opened and decided.
 * Locks follow the wallet package's order: organisation, wallet, the dispute, then the document
 * counter.
 */
@Stateless
public class Disputes {
  @Inject DisputeRepository disputes;
  @Inject CallRecordRepository calls;
  @Inject OrganisationRepository organisations;
  @Inject LedgerRepository ledger;
  @Inject WalletLocks locks;
  @Inject WalletRepository wallets;
  @Inject Reversals reversals;
  @Inject DocumentIssuer documents;
  @Inject Notifier notifier;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** An approval's dispute and whether the same key had approved it before. */
  public record Approval(CallDispute dispute, boolean repeated) {}

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

  /**
   * Approves an open dispute (R-DISPUTE-3): refunds the call's charge back to the lots that paid
   * it, issues a credit note and emails the tenant. The same idempotency key again returns the
   * first approval; a decided dispute, or a call already refunded another way, is a conflict (409).
   */
  public Approval approve(Caller operator, long disputeId, String note, String idempotencyKey) {
    operator.require(Permission.OPERATE_TENANTS);
    new Validator()
        .check(
            note == null || note.strip().length() <= 500, "note", "Write at most 500 characters.")
        .required(idempotencyKey, "idempotencyKey", "The idempotency key", 100)
        .throwIfInvalid();
    CallDispute peek =
        disputes.find(disputeId).orElseThrow(() -> new NotFoundException("The dispute"));
    long org = peek.organisationId();
    Wallet wallet = locks.forOrganisation(org);
    CallDispute dispute = disputes.lock(disputeId).orElseThrow();
    if (dispute.status() == DisputeStatus.APPROVED
        && idempotencyKey.equals(dispute.decisionKey())) {
      return new Approval(dispute, true);
    }
    if (!dispute.isOpen()) {
      throw new AlreadyDoneException(
          "The dispute of call "
              + dispute.callId()
              + " was already "
              + dispute.status().name().toLowerCase()
              + ".");
    }
    CallRecord call = calls.existing(org, List.of(dispute.callId())).get(dispute.callId());
    if (call == null || call.ledgerEntryId() == null) {
      throw new NotFoundException("The call");
    }
    String label = "Refund of call " + dispute.callId();
    String why =
        note == null || note.isBlank()
            ? "dispute accepted (" + dispute.reason() + ")"
            : note.strip();
    Reversals.Refund refund =
        reversals.refund(operator, org, call.ledgerEntryId(), label, why, idempotencyKey);
    if (refund.repeated()) {
      // the key already refunded this call outside the dispute: not this approval's refund
      throw new ConflictException("This idempotency key was already used for another refund.");
    }
    Instant now = clock.instant();
    BillingDocument creditNote =
        documents.issueCreditNote(org, refund.entry(), label + ": " + why, now);
    dispute.approved(
        operator.actorName(), now, why, idempotencyKey, refund.entry().id(), creditNote.id());
    Money amount = Money.of(refund.entry().amount(), wallet.currency());
    String operatorName = name(operator.organisationId());
    String summary =
        "Approved the dispute of call "
            + dispute.callId()
            + ": refunded "
            + amount
            + ", credit note "
            + creditNote.displayNumber();
    audit.record(
        operator,
        AuditAction.DISPUTE_APPROVED,
        "call-dispute",
        dispute.id(),
        summary + " for " + name(org),
        "status=OPEN",
        "status=APPROVED");
    audit.record(
        operator.inTenant(org, operatorName),
        AuditAction.DISPUTE_APPROVED,
        "call-dispute",
        dispute.id(),
        summary + " by " + operatorName,
        "status=OPEN",
        "status=APPROVED");
    notifier.notify(
        org,
        NotificationEvent.DISPUTE_DECIDED,
        "dispute:" + dispute.id(),
        "Dispute of call " + dispute.callId() + " approved: " + amount + " refunded",
        operatorName
            + " approved your dispute of call "
            + dispute.callId()
            + " and refunded "
            + amount
            + " to the lots that paid it.\nCredit note: "
            + creditNote.displayNumber()
            + " (attached)\nBalance now: "
            + wallet.balance(),
        "credit-note:" + creditNote.id());
    return new Approval(dispute, false);
  }

  /** Rejects an open dispute with a reason (R-DISPUTE-5) and emails the tenant; nothing moves. */
  public CallDispute reject(Caller operator, long disputeId, String reason) {
    operator.require(Permission.OPERATE_TENANTS);
    new Validator().required(reason, "reason", "A reason", 500).throwIfInvalid();
    CallDispute peek =
        disputes.find(disputeId).orElseThrow(() -> new NotFoundException("The dispute"));
    long org = peek.organisationId();
    organisations.lock(org).orElseThrow(() -> new NotFoundException("The organisation"));
    CallDispute dispute = disputes.lock(disputeId).orElseThrow();
    if (!dispute.isOpen()) {
      throw new AlreadyDoneException(
          "The dispute of call "
              + dispute.callId()
              + " was already "
              + dispute.status().name().toLowerCase()
              + ".");
    }
    String why = reason.strip();
    dispute.rejected(operator.actorName(), clock.instant(), why);
    String operatorName = name(operator.organisationId());
    String summary = "Rejected the dispute of call " + dispute.callId() + ": " + why;
    audit.record(
        operator,
        AuditAction.DISPUTE_REJECTED,
        "call-dispute",
        dispute.id(),
        summary + " (" + name(org) + ")",
        "status=OPEN",
        "status=REJECTED");
    audit.record(
        operator.inTenant(org, operatorName),
        AuditAction.DISPUTE_REJECTED,
        "call-dispute",
        dispute.id(),
        summary,
        "status=OPEN",
        "status=REJECTED");
    notifier.notify(
        org,
        NotificationEvent.DISPUTE_DECIDED,
        "dispute:" + dispute.id(),
        "Dispute of call " + dispute.callId() + " rejected",
        operatorName
            + " rejected your dispute of call "
            + dispute.callId()
            + " ("
            + dispute.charge()
            + ").\nReason: "
            + why);
    return dispute;
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
