package com.commcredits.recharge;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.BalanceWatcher;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import com.commcredits.wallet.WalletSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Auto-recharge settings (R-RECH-1) and the trigger (R-RECH-2): the transaction whose debit takes
 * the balance below the trigger records one attempt (the database allows one in flight per wallet)
 * and the attempt starts right after that transaction commits. Safety rails of R-RECH-3 apply here.
 */
@Stateless
@LocalBean
@Local(BalanceWatcher.class)
public class RechargeService implements BalanceWatcher {
  public static final int MAX_PER_DAY = AutoRecharge.MAX_PER_DAY;

  @Inject RechargeRepository recharges;
  @Inject WalletRepository wallets;
  @Inject PaymentMethodRepository methods;
  @Inject WalletSettings limits;
  @Inject com.commcredits.organisation.OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject RechargeStarter starter;
  @Resource TransactionSynchronizationRegistry transactions;

  public Optional<AutoRecharge> settings(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    return wallets
        .findForOrganisation(caller.organisationId())
        .flatMap(w -> recharges.settings(w.id()));
  }

  public List<RechargeAttempt> recentAttempts(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    return wallets
        .findForOrganisation(caller.organisationId())
        .map(w -> recharges.recent(w.id(), 10))
        .orElse(List.of());
  }

  /**
   * Checks settings before there is a wallet (the Buy now checkout), so a bad recharge field
   * refuses the order before anything is paid.
   */
  public void validate(Caller caller, Settings command) {
    caller.require(Permission.MANAGE_BILLING);
    var currency = organisations.find(caller.organisationId()).orElseThrow().currency();
    check(caller, command, new Wallet(caller.organisationId(), currency, clock.instant()))
        .throwIfInvalid();
  }

  /**
   * Modify recharge settings > Save changes; saving with auto-recharge on also lifts a suspension.
   * Audited.
   */
  public AutoRecharge save(Caller caller, Settings command) {
    caller.require(Permission.MANAGE_BILLING);
    if (new Validator() // refused before the lock (R-FUND-11), with every other error of the form
        .plainAmount("rechargeAmount", command.rechargeAmount())
        .plainAmount("triggerBelow", command.triggerBelow())
        .hasErrors()) {
      validate(caller, command);
    }
    Wallet wallet =
        wallets
            .lockForOrganisation(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    check(caller, command, wallet).throwIfInvalid();
    Money amount = Money.parse(command.rechargeAmount(), wallet.currency());
    Money trigger = Money.parse(command.triggerBelow(), wallet.currency());
    String po =
        command.purchaseOrder() == null || command.purchaseOrder().isBlank()
            ? null
            : command.purchaseOrder().strip();
    long methodId = command.paymentMethodId();
    AutoRecharge settings =
        recharges
            .lockSettings(wallet.id())
            .orElseGet(() -> recharges.add(new AutoRecharge(wallet.id())));
    String before = settings.rechargeAmount() == null ? null : settings.describe();
    settings.change(
        command.enabled(), amount.amount(), trigger.amount(), methodId, po, clock.instant());
    audit.record(
        caller,
        AuditAction.AUTO_RECHARGE_CHANGED,
        "wallet",
        wallet.id(),
        "Auto-recharge " + (command.enabled() ? "on: " + amount + " when below " + trigger : "off"),
        before,
        settings.describe());
    afterDebit(wallet);
    return settings;
  }

  private Validator check(Caller caller, Settings command, Wallet wallet) {
    Validator v = new Validator();
    Money amount = money(v, "rechargeAmount", command.rechargeAmount(), wallet);
    Money trigger = money(v, "triggerBelow", command.triggerBelow(), wallet);
    if (amount != null) {
      v.check(
          amount.amount().compareTo(limits.minimum()) >= 0
              && amount.amount().compareTo(limits.maximum()) <= 0,
          "rechargeAmount",
          "Recharge with "
              + limits.minimum().toPlainString()
              + " to "
              + Money.of(limits.maximum(), wallet.currency()).toDisplayString()
              + " "
              + wallet.currency()
              + ".");
    }
    if (trigger != null) {
      v.check(!trigger.isNegative(), "triggerBelow", "The trigger must be 0 or more.");
    }
    PaymentMethod method =
        command.paymentMethodId() == null
            ? null
            : methods
                .find(caller.organisationId(), command.paymentMethodId())
                .filter(PaymentMethod::isActive)
                .orElse(null);
    v.check(
        method != null, "paymentMethodId", "Choose one of your organisation's payment methods.");
    String po =
        command.purchaseOrder() == null || command.purchaseOrder().isBlank()
            ? null
            : command.purchaseOrder().strip();
    if (po != null && method != null) {
      v.check(
          method.isEnterpriseAgreement(),
          "purchaseOrder",
          "A purchase order goes with an Enterprise Agreement.");
      v.check(
          PaymentMethod.PURCHASE_ORDER.matcher(po).matches(),
          "purchaseOrder",
          "A PO number has 1 to 30 letters, digits, dots, dashes or slashes.");
    }
    return v;
  }

  private static Money money(Validator v, String field, String text, Wallet wallet) {
    try {
      return Money.parse(text, wallet.currency());
    } catch (IllegalArgumentException e) {
      v.check(false, field, e.getMessage());
      return null;
    }
  }

  /**
   * Inside the debit's transaction (the wallet row is locked): records one attempt when the balance
   * is below the trigger, none is in flight, fewer than 5 started in 24 hours and the back-off
   * after a failure has passed; it starts once the transaction commits.
   */
  @Override
  public void afterDebit(Wallet wallet) {
    Optional<AutoRecharge> found = recharges.settings(wallet.id());
    if (found.isEmpty()) {
      return;
    }
    AutoRecharge settings = found.get();
    Instant now = clock.instant();
    if (settings.hold(wallet.balance().amount(), now, history(wallet.id())).isPresent()) {
      return;
    }
    RechargeAttempt attempt = recharges.add(new RechargeAttempt(settings, now));
    long id = attempt.id();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              starter.start(id);
            }
          }
        });
  }

  /** The wallet's attempts as the rails of R-RECH-3 read them. */
  private AutoRecharge.History history(long walletId) {
    return new AutoRecharge.History() {
      @Override
      public boolean attemptInFlight() {
        return recharges.hasAttemptInFlight(walletId);
      }

      @Override
      public long startedSince(Instant since) {
        return recharges.attemptsSince(walletId, since);
      }

      @Override
      public Optional<Instant> lastFailedAt() {
        return recharges
            .lastFinished(walletId)
            .filter(a -> a.status() == RechargeAttempt.Status.FAILED)
            .map(RechargeAttempt::finishedAt);
      }
    };
  }

  /** The input of {@link #save}, as the form or the API sends it. */
  public record Settings(
      boolean enabled,
      String rechargeAmount,
      String triggerBelow,
      Long paymentMethodId,
      String purchaseOrder) {}
}
