package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.shared.Caller;
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
 * Reverses a charge or a debit adjustment back to the lots that paid it, with a new entry linking
 * the one it reverses (R-FUND-6, R-FUND-12); once per entry, audited.
 */
@Stateless
public class Reversals {
  @Inject WalletLocks locks;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Reverses a charge or a debit adjustment, linking the entry it reverses; audited. */
  public LedgerEntry reverse(Caller caller, long entryId, String reason, String idempotencyKey) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator()
        .required(reason, "reason", "A reason", 500)
        .required(idempotencyKey, "idempotencyKey", "The form key", 100)
        .throwIfInvalid();
    Wallet wallet = locks.forOrganisation(caller.organisationId());
    LedgerEntry original =
        ledger.entry(wallet.id(), entryId).orElseThrow(() -> new NotFoundException("The entry"));
    String key = "reversal:" + entryId;
    Optional<LedgerEntry> existing = ledger.entryByKey(wallet.id(), key);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (original.amount().signum() >= 0
        || !(original.type() == EntryType.CHARGE || original.type() == EntryType.ADJUSTMENT)) {
      throw ValidationException.of(
          "entryId", "Only a charge or a debit adjustment can be reversed.");
    }
    List<LotAllocation> allocations = ledger.allocations(entryId);
    Map<Long, FundingLot> paid =
        lots.lotsById(
            wallet.id(),
            allocations.stream().map(LotAllocation::lotId).filter(Objects::nonNull).toList());
    Instant now = clock.instant();
    Movement movement =
        wallet.reverse(
            original,
            allocations,
            paid,
            new Wallet.Stamp(
                now,
                now,
                key,
                original.reference(),
                "Reversal of entry " + entryId + ": " + reason.strip(),
                caller.actorName()));
    ledger.record(movement);
    audit.record(
        caller,
        AuditAction.ENTRY_REVERSED,
        "ledger-entry",
        entryId,
        "Reversed entry " + entryId + ": " + reason.strip(),
        "amount=" + original.amount(),
        "restored=" + movement.entry().amount());
    return movement.entry();
  }
}
