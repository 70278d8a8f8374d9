package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Charges calls to an organisation's wallet (what rating calls), idempotent by each charge's key
 * (R-FUND-3, R-FUND-5, R-FUND-7); the watchers (auto-recharge, the zero-balance email) see the
 * balance before and after.
 */
@Stateless
public class Charging {
  @Inject WalletLocks locks;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject BalanceNotices notices;
  @Inject BalanceWatcher watcher;
  @Inject LowBalanceNotices lowBalance;
  @Inject Clock clock;

  /**
   * Charges the organisation's wallet. A repeated key returns the first result and moves no money
   * (R-FUND-7); the balance may go below zero (R-FUND-5).
   */
  public ChargeResult charge(Caller caller, Charge charge) {
    return chargeAll(caller, List.of(charge)).get(0);
  }

  /**
   * Charges many calls of one organisation at once, as rating a batch does: the organisation and
   * the wallet are locked once, its lots are read once and pay each charge in turn, soonest expiry
   * first (R-FUND-3), and the entries and allocations are written with batched inserts. Each charge
   * keeps its own entry and key, so the ledger reads as if they had been made one by one; a key
   * seen before answers its first result. Auto-recharge and the zero-balance notice see the batch's
   * final balance once.
   */
  public List<ChargeResult> chargeAll(Caller caller, List<Charge> charges) {
    return chargeAll(caller, charges, true);
  }

  /**
   * As {@link #chargeAll(Caller, List)}, for keys the caller has already found unused under the
   * organisation's lock: rating, whose call's key is used only with its call record, written in the
   * same transaction, and which answers DUPLICATE for a call id it has recorded. The ledger is not
   * searched for the keys again (a thousand index reads a batch, issue 15); should one be used all
   * the same, the ledger's unique key refuses the entry and the whole transaction rolls back, so
   * nothing is ever charged twice.
   */
  public List<ChargeResult> chargeUnused(Caller caller, List<Charge> charges) {
    return chargeAll(caller, charges, false);
  }

  private List<ChargeResult> chargeAll(Caller caller, List<Charge> charges, boolean seekEarlier) {
    if (caller.actorType() != Caller.ActorType.SYSTEM && !caller.can(Permission.USE_TELEPHONY)) {
      throw new AccessDeniedException("Only the telephony platform charges a wallet.");
    }
    if (charges.isEmpty()) {
      return List.of();
    }
    Wallet wallet = locks.forOrganisation(caller.organisationId());
    Map<String, LedgerEntry> earlier =
        seekEarlier
            ? ledger.entriesByKeys(
                wallet.id(), charges.stream().map(Charge::idempotencyKey).toList())
            : Map.of();
    Map<Long, List<LotAllocation>> earlierAllocations =
        ledger.allocations(earlier.values().stream().map(LedgerEntry::id).toList());
    List<FundingLot> open =
        earlier.size() == charges.size() ? List.of() : lots.openLots(wallet.id());
    Money before = wallet.balance();
    Instant now = clock.instant();
    List<Movement> movements = new ArrayList<>();
    Map<String, Movement> made = new HashMap<>();
    for (Charge charge : charges) {
      LedgerEntry first = earlier.get(charge.idempotencyKey());
      if (first != null) {
        if (first.type() != EntryType.CHARGE
            || first.amount().negate().compareTo(charge.amount().amount()) != 0) {
          throw new ConflictException(
              "The idempotency key "
                  + charge.idempotencyKey()
                  + " was already used for a different charge.");
        }
      } else if (made.containsKey(charge.idempotencyKey())) {
        throw new IllegalArgumentException(
            "The key " + charge.idempotencyKey() + " appears twice in one batch");
      } else {
        Movement movement =
            wallet.charge(
                charge.amount(),
                open,
                new Wallet.Stamp(
                    charge.occurredAt(),
                    now,
                    charge.idempotencyKey(),
                    charge.reference(),
                    charge.description(),
                    caller.actorName()));
        movements.add(movement);
        made.put(charge.idempotencyKey(), movement);
      }
    }
    if (!movements.isEmpty()) {
      record(movements);
      movements.stream()
          .filter(m -> m.entry().balanceAfter().signum() <= 0)
          .findFirst()
          .ifPresent(m -> notices.afterDebit(wallet, before, m.entry()));
      lowBalance.afterDebit(wallet, before, movements.get(movements.size() - 1).entry());
      watcher.afterDebit(wallet, before);
    }
    return charges.stream()
        .map(charge -> result(charge, earlier, earlierAllocations, made))
        .toList();
  }

  private void record(List<Movement> movements) {
    Map<String, Long> ids = ledger.insertEntries(movements.stream().map(Movement::entry).toList());
    List<LotAllocation> rows = new ArrayList<>();
    for (Movement movement : movements) {
      movement.entry().assignId(ids.get(movement.entry().idempotencyKey()));
      rows.addAll(movement.allocations());
    }
    ledger.insertAllocations(rows);
  }

  private static ChargeResult result(
      Charge charge,
      Map<String, LedgerEntry> earlier,
      Map<Long, List<LotAllocation>> earlierAllocations,
      Map<String, Movement> made) {
    LedgerEntry first = earlier.get(charge.idempotencyKey());
    if (first != null) {
      return new ChargeResult(
          first,
          true,
          earlierAllocations.getOrDefault(first.id(), List.of()).stream()
              .map(a -> new ChargeResult.LotPayment(a.lotId(), a.amount()))
              .toList());
    }
    Movement movement = made.get(charge.idempotencyKey());
    return new ChargeResult(
        movement.entry(),
        false,
        movement.parts().stream()
            .map(
                p -> new ChargeResult.LotPayment(p.lot() == null ? null : p.lot().id(), p.amount()))
            .toList());
  }
}
