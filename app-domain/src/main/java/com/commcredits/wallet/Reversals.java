package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Refunds a charge back to the lots that paid it, with a new entry linking the one it reverses
 * (R-FUND-6, R-FUND-12): only by the operator's admins, with a reason, once per charge (a UNIQUE
 * constraint on the reversed entry), audited in both organisations and emailed to the tenant.
 */
@Stateless
public class Reversals {
  @Inject WalletLocks locks;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject OrganisationRepository organisations;
  @Inject Clock clock;

  /** The refund's entry, and whether it had been made before under the same key. */
  public record Refund(LedgerEntry entry, boolean repeated) {}

  /**
   * Refunds a charge of the organisation's wallet: each lot that paid it and has not expired gets
   * its part back. The same key again returns the first refund; another key for a charge already
   * refunded is a conflict (409).
   *
   * @param label what the tenant's ledger calls it, e.g. "Refund of call c-17"
   */
  public Refund refund(
      Caller operator,
      long organisationId,
      long entryId,
      String label,
      String reason,
      String idempotencyKey) {
    operator.require(Permission.OPERATE_TENANTS);
    new Validator()
        .required(reason, "reason", "A reason", 500)
        .required(idempotencyKey, "idempotencyKey", "The idempotency key", 100)
        .throwIfInvalid();
    Wallet wallet = locks.forOrganisation(organisationId);
    String key = "refund:" + idempotencyKey;
    Optional<LedgerEntry> existing = ledger.entryByKey(wallet.id(), key);
    if (existing.isPresent()) {
      if (!Objects.equals(existing.get().reversesEntryId(), entryId)) {
        throw new ConflictException("This idempotency key was already used for another refund.");
      }
      return new Refund(existing.get(), true);
    }
    LedgerEntry original =
        ledger.entry(wallet.id(), entryId).orElseThrow(() -> new NotFoundException("The charge"));
    if (original.amount().signum() >= 0 || original.type() != EntryType.CHARGE) {
      throw ValidationException.of("callId", "Only a charge to the wallet can be refunded.");
    }
    if (ledger.reversalOf(wallet.id(), entryId).isPresent()) {
      throw new AlreadyDoneException(label + " was already refunded.");
    }
    List<LotAllocation> allocations = ledger.allocations(entryId);
    Map<Long, FundingLot> paid =
        lots.lotsById(
            wallet.id(),
            allocations.stream().map(LotAllocation::lotId).filter(Objects::nonNull).toList());
    String operatorName = name(operator.organisationId());
    String why = reason.strip();
    Instant now = clock.instant();
    var before = wallet.balance();
    Movement movement =
        wallet.reverse(
            original,
            allocations,
            paid,
            new Wallet.Stamp(
                now, now, key, original.reference(), label + ": " + why, operator.actorName()));
    ledger.record(movement);
    String summary = label + " (" + movement.entry().amount() + " " + wallet.currency() + ")";
    audit.record(
        operator,
        AuditAction.CALL_REFUNDED,
        "ledger-entry",
        entryId,
        summary + " for " + name(organisationId) + ": " + why,
        "balance=" + before,
        "balance=" + wallet.balance());
    audit.record(
        operator.inTenant(organisationId, operatorName),
        AuditAction.CALL_REFUNDED,
        "ledger-entry",
        entryId,
        summary + " by " + operatorName + ": " + why,
        "balance=" + before,
        "balance=" + wallet.balance());
    notifier.notify(
        organisationId,
        NotificationEvent.CALL_REFUNDED,
        "entry:" + movement.entry().id(),
        label + ": " + movement.entry().amount() + " " + wallet.currency() + " credited back",
        operatorName
            + " refunded "
            + movement.entry().amount()
            + " "
            + wallet.currency()
            + " to your Communications Credits wallet ("
            + label
            + ").\nReason: "
            + why
            + "\nBalance now: "
            + wallet.balance());
    return new Refund(movement.entry(), false);
  }

  private String name(long organisationId) {
    return organisations.find(organisationId).map(Organisation::name).orElse("the operator");
  }
}
