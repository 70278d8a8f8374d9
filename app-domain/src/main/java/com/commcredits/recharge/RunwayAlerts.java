package com.commcredits.recharge;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.RunwayForecast;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * The runway email (R-SEE-1): when the runway falls under the number of days the admin chose
 * (default 14) while auto-recharge is off or suspended, the billing contacts are told once; the
 * email is re-armed when the runway is back at or above the number, or auto-recharge covers the
 * wallet again. Evaluated per wallet by the hourly persistent timer of {@link RechargeTimers} (a
 * charge's transaction is too hot a path for it) and when the admin saves the number. The state row
 * is the only row it locks, so it never meets a money transaction's locks.
 */
@Stateless
public class RunwayAlerts {
  public static final int DEFAULT_DAYS = 14;
  public static final int MAX_DAYS = 365;

  @Inject RunwayAlertRepository alerts;
  @Inject RechargeRepository recharges;
  @Inject WalletRepository wallets;
  @Inject WalletQueries queries;
  @Inject Notifier notifier;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The number of days the caller's organisation chose. */
  public int thresholdDays(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    return wallets
        .findForOrganisation(caller.organisationId())
        .flatMap(w -> alerts.find(w.id()))
        .map(RunwayAlertRepository.State::thresholdDays)
        .orElse(DEFAULT_DAYS);
  }

  /** Saves the number of days (1 to 365), audited, and checks the runway against it at once. */
  public int save(Caller caller, String days) {
    caller.require(Permission.MANAGE_BILLING);
    int value;
    try {
      value = Integer.parseInt(days == null ? "" : days.strip());
    } catch (NumberFormatException e) {
      value = -1;
    }
    if (value < 1 || value > MAX_DAYS) {
      throw ValidationException.of(
          "runwayAlertDays", "Enter a whole number of days from 1 to " + MAX_DAYS + ".");
    }
    Wallet wallet =
        wallets
            .findForOrganisation(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    var before = alerts.find(wallet.id()).orElse(new RunwayAlertRepository.State(0, false));
    alerts.save(
        wallet.id(), new RunwayAlertRepository.State(value, before.below()), clock.instant());
    audit.record(
        caller,
        AuditAction.RUNWAY_ALERT_CHANGED,
        "wallet",
        wallet.id(),
        "Runway email below " + value + " days",
        before.thresholdDays() == 0 ? null : before.thresholdDays() + " days",
        value + " days");
    check(wallet);
    return value;
  }

  /** Checks one wallet (its own transaction); returns whether an email was written. */
  public boolean check(long walletId) {
    return wallets
        .organisationOf(walletId)
        .flatMap(wallets::findForOrganisation)
        .map(this::check)
        .orElse(false);
  }

  private boolean check(Wallet wallet) {
    var state =
        alerts.find(wallet.id()).orElse(new RunwayAlertRepository.State(DEFAULT_DAYS, false));
    RunwayForecast forecast = queries.forecast(wallet);
    boolean covered = recharges.settings(wallet.id()).map(AutoRecharge::isActive).orElse(false);
    boolean low =
        !covered
            && forecast.balance().isPositive()
            && forecast.hasRunway()
            && forecast.days() < state.thresholdDays();
    if (low == state.below()) {
      return false;
    }
    Instant now = clock.instant();
    alerts.save(wallet.id(), new RunwayAlertRepository.State(state.thresholdDays(), low), now);
    if (!low) {
      return false;
    }
    String recharge =
        recharges.settings(wallet.id()).map(AutoRecharge::isSuspended).orElse(false)
            ? "Auto-recharge is suspended"
            : "Auto-recharge is off";
    return notifier.notify(
        wallet.organisationId(),
        NotificationEvent.RUNWAY_LOW,
        "wallet:" + wallet.id() + ":" + now.toEpochMilli(),
        "Communications Credits run out in about " + forecast.days() + " days",
        "At the last 30 days' pace ("
            + forecast.dailySpend()
            + " a day), the balance of "
            + forecast.balance()
            + " lasts about "
            + forecast.days()
            + " days, until "
            + forecast.depletesOn()
            + ", under the "
            + state.thresholdDays()
            + " days you chose.\n"
            + recharge
            + ": add funds or turn auto-recharge on before calls are blocked.");
  }
}
