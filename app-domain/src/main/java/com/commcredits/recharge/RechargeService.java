package com.commcredits.recharge;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.payment.PaymentChoice;
import com.commcredits.shared.AfterCompletion;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.BalanceWatcher;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletLocks;
import com.commcredits.wallet.WalletRepository;
import com.commcredits.wallet.WalletSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Auto-recharge settings (R-RECH-1) and the trigger (R-RECH-2): the transaction whose debit takes
 * the balance from at or above the trigger to below it records one attempt (the database allows one
 * in flight per wallet), started right after that transaction commits. A recharge that leaves the
 * balance below the trigger starts no other; the sweep only retries failed ones after their
 * back-off. Safety rails of R-RECH-3 apply here.
 */
@Stateless
@LocalBean
@Local(BalanceWatcher.class)
public class RechargeService implements BalanceWatcher {
  public static final int MAX_PER_DAY = AutoRecharge.MAX_PER_DAY;

  @Inject RechargeRepository recharges;
  @Inject WalletRepository wallets;
  @Inject WalletLocks locks;
  @Inject PaymentChoice payment;
  @Inject WalletSettings limits;
  @Inject OrganisationRepository organisations;
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
    RechargeSettingsCheck.check(
            caller,
            command,
            new Wallet(caller.organisationId(), currency, clock.instant()),
            limits,
            payment)
        .throwIfInvalid();
  }

  /**
   * Modify recharge settings > Save changes; saving with auto-recharge on also lifts a suspension,
   * and starts a recharge at once when the balance is already below the new trigger. Audited.
   */
  public AutoRecharge save(Caller caller, Settings command) {
    caller.require(Permission.MANAGE_BILLING);
    if (new Validator() // refused before the lock (R-FUND-11), with every other error of the form
        .plainAmount("rechargeAmount", command.rechargeAmount())
        .plainAmount("triggerBelow", command.triggerBelow())
        .plainAmount("targetBalance", command.targetBalance())
        .plainAmount("monthlyCap", command.monthlyCap())
        .hasErrors()) {
      validate(caller, command);
    }
    Wallet wallet = locks.forOrganisation(caller.organisationId());
    RechargeSettingsCheck.check(caller, command, wallet, limits, payment).throwIfInvalid();
    Money amount = RechargeSettingsCheck.rechargeAmount(command, wallet, limits);
    Money trigger = Money.parse(command.triggerBelow(), wallet.currency());
    String po = PaymentChoice.purchaseOrder(command.purchaseOrder());
    long methodId = command.paymentMethodId();
    AutoRecharge settings =
        recharges
            .lockSettings(wallet.id())
            .orElseGet(() -> recharges.add(new AutoRecharge(wallet.id())));
    String before = settings.rechargeAmount() == null ? null : settings.describe();
    settings.change(
        command.enabled(), amount.amount(), trigger.amount(), methodId, po, clock.instant());
    settings.changeTarget(
        command.modeOrFixed(),
        RechargeSettingsCheck.optional(command.targetBalance(), wallet),
        RechargeSettingsCheck.optional(command.monthlyCap(), wallet));
    audit.record(
        caller,
        AuditAction.AUTO_RECHARGE_CHANGED,
        "wallet",
        wallet.id(),
        "Auto-recharge " + (command.enabled() ? "on: " + amount + " when below " + trigger : "off"),
        before,
        settings.describe());
    if (settings.isActive() && isBelowTrigger(wallet, settings)) {
      start(wallet, settings);
    }
    return settings;
  }

  /**
   * Inside the debit's transaction (organisation and wallet locked): records one attempt when this
   * debit took the balance from at or above the trigger to below it, and the rails allow one. A
   * balance that was already below (a recharge did not lift it far enough) starts nothing: the next
   * recharge waits for the next crossing, so recharges never chain.
   */
  @Override
  public void afterDebit(Wallet wallet, Money before) {
    Optional<AutoRecharge> found = recharges.settings(wallet.id());
    if (found.isEmpty()) {
      return;
    }
    AutoRecharge settings = found.get();
    if (before.amount().compareTo(settings.triggerBelow()) >= 0
        && isBelowTrigger(wallet, settings)) {
      start(wallet, settings);
    }
  }

  /**
   * For the sweep, with organisation and wallet locked: retries, once its back-off has passed, a
   * recharge whose last attempt failed while the balance is still below the trigger.
   */
  public void retryAfterFailure(Wallet wallet) {
    Optional<AutoRecharge> found = recharges.settings(wallet.id());
    Optional<RechargeAttempt> last = recharges.lastFinished(wallet.id());
    if (found.isPresent()
        && found.get().isActive()
        && isBelowTrigger(wallet, found.get())
        && last.isPresent()
        && last.get().status() == RechargeAttempt.Status.FAILED) {
      start(wallet, found.get());
    }
  }

  private static boolean isBelowTrigger(Wallet wallet, AutoRecharge settings) {
    return wallet.balance().amount().compareTo(settings.triggerBelow()) < 0;
  }

  /**
   * Records an attempt unless a rail of R-RECH-3 holds it back ({@link AutoRecharge#hold}); it
   * starts once the transaction commits.
   */
  private void start(Wallet wallet, AutoRecharge settings) {
    Instant now = clock.instant();
    if (settings.hold(wallet.balance().amount(), now, history(wallet.id())).isPresent()) {
      return;
    }
    // R-GUARD-4: the fixed amount or the top-up to the target, within the funding limits and
    // what the month's cap leaves (months of the organisation's calendar)
    Instant monthStart =
        organisations
            .find(wallet.organisationId())
            .map(
                o ->
                    now.atZone(o.timeZone())
                        .withDayOfMonth(1)
                        .toLocalDate()
                        .atStartOfDay(o.timeZone())
                        .toInstant())
            .orElse(now);
    Optional<java.math.BigDecimal> amount =
        settings.amountFor(
            wallet.balance().amount(),
            limits.minimum(),
            limits.maximum(),
            settings.monthlyCap() == null
                ? java.math.BigDecimal.ZERO
                : recharges.rechargedSince(wallet.id(), monthStart));
    if (amount.isEmpty()) {
      return;
    }
    RechargeAttempt attempt = recharges.add(new RechargeAttempt(settings, amount.get(), now));
    long id = attempt.id();
    transactions.registerInterposedSynchronization(
        AfterCompletion.of(
            status -> {
              if (status == Status.STATUS_COMMITTED) {
                starter.start(id);
              }
            }));
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

  /**
   * The input of {@link #save}, as the form or the API sends it; the currencies, when the API sends
   * them, must be the wallet's.
   */
  public record Settings(
      boolean enabled,
      String rechargeAmount,
      String rechargeCurrency,
      String triggerBelow,
      String triggerCurrency,
      Long paymentMethodId,
      String purchaseOrder,
      String mode,
      String targetBalance,
      String targetCurrency,
      String monthlyCap,
      String monthlyCapCurrency) {
    /** Fixed-amount settings as the API sent them before top-up to a target existed. */
    public Settings(
        boolean enabled,
        String rechargeAmount,
        String rechargeCurrency,
        String triggerBelow,
        String triggerCurrency,
        Long paymentMethodId,
        String purchaseOrder) {
      this(
          enabled,
          rechargeAmount,
          rechargeCurrency,
          triggerBelow,
          triggerCurrency,
          paymentMethodId,
          purchaseOrder,
          null,
          null,
          null,
          null,
          null);
    }

    /** Settings in the wallet's currency, as the pages send them. */
    public Settings(
        boolean enabled,
        String rechargeAmount,
        String triggerBelow,
        Long paymentMethodId,
        String purchaseOrder) {
      this(enabled, rechargeAmount, null, triggerBelow, null, paymentMethodId, purchaseOrder);
    }

    /** FIXED unless TARGET is asked for. */
    public AutoRecharge.Mode modeOrFixed() {
      return "TARGET".equals(mode) ? AutoRecharge.Mode.TARGET : AutoRecharge.Mode.FIXED;
    }
  }
}
