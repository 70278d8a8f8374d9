package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
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

/**
 * Manual credits and debits of a tenant's wallet with a mandatory reason (R-FUND-12): only the
 * operator's admins make them; idempotent by the form's or API's key, audited in both
 * organisations, emailed to the tenant's billing contacts and labelled in its ledger with the
 * operator's name.
 */
@Stateless
public class Adjustments {
  @Inject WalletLocks locks;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject WalletSettings settings;
  @Inject BalanceNotices notices;
  @Inject BalanceWatcher watcher;
  @Inject LowBalanceNotices lowBalance;
  @Inject Zones zones;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject OrganisationRepository organisations;
  @Inject Clock clock;

  /** A manual adjustment as the form or API sends it; a null currency means the wallet's. */
  public record Adjustment(
      String direction, String amount, String currency, String reason, String idempotencyKey) {
    boolean isCredit() {
      return "CREDIT".equals(direction);
    }
  }

  /**
   * A manual credit or debit of the organisation's wallet by the operator's admin, with a mandatory
   * reason; the same key again returns the first entry and moves no money.
   */
  public LedgerEntry adjust(Caller operator, long organisationId, Adjustment command) {
    operator.require(Permission.OPERATE_TENANTS);
    new Validator().plainAmount("amount", command.amount()).throwIfInvalid(); // before the lock
    Wallet wallet = locks.forOrganisation(organisationId);
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
    String operatorName = name(operator.organisationId());
    String reason = command.reason().strip();
    Money before = wallet.balance();
    Instant now = clock.instant();
    Wallet.Stamp stamp =
        new Wallet.Stamp(
            now,
            now,
            key,
            null,
            "Adjustment by " + operatorName + ": " + reason,
            operator.actorName());
    Movement movement =
        command.isCredit()
            ? wallet.fund(amount, LotSource.ADJUSTMENT, null, null, zones.of(organisationId), stamp)
            : wallet.debitAdjustment(amount, lots.openLots(wallet.id()), stamp);
    ledger.record(movement);
    notices.afterDebit(wallet, before, movement.entry());
    if (!command.isCredit()) {
      lowBalance.afterDebit(wallet, before, movement.entry());
      watcher.afterDebit(wallet, before);
    }
    String what = (command.isCredit() ? "Credit " : "Debit ") + amount;
    String tenantName = name(organisationId);
    audit.record(
        operator,
        AuditAction.WALLET_ADJUSTED,
        "wallet",
        wallet.id(),
        what + " on the wallet of " + tenantName + ": " + reason,
        "balance=" + before,
        "balance=" + wallet.balance());
    audit.record(
        operator.inTenant(organisationId, operatorName),
        AuditAction.WALLET_ADJUSTED,
        "wallet",
        wallet.id(),
        what + " by " + operatorName + ": " + reason,
        "balance=" + before,
        "balance=" + wallet.balance());
    notifier.notify(
        organisationId,
        NotificationEvent.WALLET_ADJUSTED,
        "entry:" + movement.entry().id(),
        (command.isCredit() ? "Credits added" : "Credits removed")
            + " by "
            + operatorName
            + ": "
            + amount,
        operatorName
            + (command.isCredit() ? " added " : " removed ")
            + amount
            + (command.isCredit() ? " to" : " from")
            + " your Communications Credits wallet.\nReason: "
            + reason
            + "\nBalance now: "
            + wallet.balance());
    return movement.entry();
  }

  private String name(long organisationId) {
    return organisations.find(organisationId).map(Organisation::name).orElse("the operator");
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
      v.check(
          command.currency() == null || wallet.currency().name().equals(command.currency()),
          "amount.currency",
          "The wallet is in "
              + wallet.currency()
              + "; send the amount in "
              + wallet.currency()
              + ".");
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
