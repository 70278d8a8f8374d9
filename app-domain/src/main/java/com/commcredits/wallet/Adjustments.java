package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Manual credits and debits with a mandatory reason (R-FUND-12), idempotent and audited. */
@Stateless
public class Adjustments {
  @Inject WalletLocks locks;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject WalletSettings settings;
  @Inject BalanceNotices notices;
  @Inject BalanceWatcher watcher;
  @Inject Zones zones;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A manual adjustment as the form or API sends it. */
  public record Adjustment(String direction, String amount, String reason, String idempotencyKey) {
    boolean isCredit() {
      return "CREDIT".equals(direction);
    }
  }

  /** A manual credit or debit with a mandatory reason (Global and Billing admins), audited. */
  public LedgerEntry adjust(Caller caller, Adjustment command) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator().plainAmount("amount", command.amount()).throwIfInvalid(); // before the lock
    Wallet wallet = locks.forOrganisation(caller.organisationId());
    Money amount = valid(command, wallet);
    String key = "adjustment:" + command.idempotencyKey();
    Optional<LedgerEntry> existing = ledger.entryByKey(wallet.id(), key);
    if (existing.isPresent()) {
      BigDecimal signed = command.isCredit() ? amount.amount() : amount.amount().negate();
      if (existing.get().amount().compareTo(signed) != 0) {
        throw new ConflictException("This form was already submitted with a different amount.");
      }
      return existing.get();
    }
    Money before = wallet.balance();
    Instant now = clock.instant();
    Wallet.Stamp stamp =
        new Wallet.Stamp(
            now,
            now,
            key,
            null,
            "Manual adjustment: " + command.reason().strip(),
            caller.actorName());
    Movement movement =
        command.isCredit()
            ? wallet.fund(
                amount, LotSource.ADJUSTMENT, null, null, zones.of(caller.organisationId()), stamp)
            : wallet.debitAdjustment(amount, lots.openLots(wallet.id()), stamp);
    ledger.record(movement);
    notices.afterDebit(wallet, before, movement.entry());
    if (!command.isCredit()) {
      watcher.afterDebit(wallet, before);
    }
    audit.record(
        caller,
        AuditAction.WALLET_ADJUSTED,
        "wallet",
        wallet.id(),
        (command.isCredit() ? "Credit " : "Debit ") + amount + ": " + command.reason().strip(),
        "balance=" + before,
        "balance=" + wallet.balance());
    return movement.entry();
  }

  private Money valid(Adjustment command, Wallet wallet) {
    Validator v =
        new Validator()
            .check(
                "CREDIT".equals(command.direction()) || "DEBIT".equals(command.direction()),
                "direction",
                "Choose credit or debit.")
            .required(command.reason(), "reason", "A reason", 500)
            .required(command.idempotencyKey(), "idempotencyKey", "The form key", 100);
    Money amount = null;
    try {
      amount = Money.parse(command.amount(), wallet.currency());
      v.check(amount.isPositive(), "amount", "Enter an amount more than zero.");
      v.check(
          amount.amount().compareTo(settings.maximum()) <= 0,
          "amount",
          "An adjustment can be at most "
              + settings.maximum().toPlainString()
              + " "
              + wallet.currency()
              + ".");
    } catch (IllegalArgumentException e) {
      v.check(false, "amount", e.getMessage());
    }
    v.throwIfInvalid();
    return amount;
  }
}
