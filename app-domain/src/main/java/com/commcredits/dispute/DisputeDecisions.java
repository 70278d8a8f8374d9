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
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.BillingDocument;
import com.commcredits.wallet.DocumentIssuer;
import com.commcredits.wallet.Reversals;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletLocks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The operator's decisions on disputes (R-DISPUTE-3, R-DISPUTE-5): an approval refunds the call
 * through {@link Reversals} back to the lots that paid it and issues a credit note; a rejection
 * needs a reason; either is decided once and emailed to the tenant. Locks follow the wallet
 * package's order: organisation, wallet, the dispute, then the document counter.
 */
@Stateless
public class DisputeDecisions {
  @Inject DisputeRepository disputes;
  @Inject CallRecordRepository calls;
  @Inject OrganisationRepository organisations;
  @Inject WalletLocks locks;
  @Inject Reversals reversals;
  @Inject DocumentIssuer documents;
  @Inject Notifier notifier;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** An approval's dispute and whether the same key had approved it before. */
  public record Approval(CallDispute dispute, boolean repeated) {}

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
      throw decided(dispute);
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
      throw decided(dispute);
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

  private static AlreadyDoneException decided(CallDispute dispute) {
    return new AlreadyDoneException(
        "The dispute of call "
            + dispute.callId()
            + " was already "
            + dispute.status().name().toLowerCase()
            + ".");
  }

  private String name(long organisationId) {
    return organisations.find(organisationId).map(Organisation::name).orElse("the operator");
  }
}
