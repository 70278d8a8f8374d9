package com.commcredits.guard;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.AmountFormatException;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spend guard's counters and the organisation's toll-fraud brake (R-GUARD-1 … R-GUARD-3):
 * Billing and Global admins set the brake; rating counts every call here in its charging
 * transaction, and the batch that takes a rolling window over its limit trips the brake once: an
 * audit entry and one email to the billing contacts. While the brake holds, auto-recharge waits.
 */
@Stateless
public class SpendGuard {
  @Inject SpendGuardRepository guard;
  @Inject BrakeRepository brakes;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Notifier notifier;
  @Inject Clock clock;

  /** The brake's settings with the spend in its windows now, and the trip that holds, if any. */
  public record BrakeView(
      SpendControls controls,
      BigDecimal lastHour,
      BigDecimal lastDay,
      boolean holds,
      Optional<BrakeTrip> holdingTrip,
      String currency) {}

  /** Who may read caps: Global, Billing and User admins. */
  public static boolean mayRead(Caller caller) {
    return caller.can(Permission.MANAGE_BILLING) || caller.can(Permission.MANAGE_USERS);
  }

  /** Who may set caps and the brake: Global and Billing admins. */
  public static boolean maySet(Caller caller) {
    return caller.can(Permission.MANAGE_BILLING);
  }

  /** The brake's settings and state now. */
  public BrakeView brake(Caller caller) {
    requireRead(caller);
    return brake(caller.organisationId(), clock.instant());
  }

  /**
   * Sets the brake (R-GUARD-1); a blank window turns it off. Amounts are in the organisation's
   * currency and more than 0. Audited.
   */
  public BrakeView setControls(Caller caller, ControlsInput input) {
    requireSet(caller);
    Organisation org = organisation(caller);
    Validator v = new Validator();
    BigDecimal hour =
        amount(v, "internationalPerHour", input.perHour(), input.perHourCurrency(), org.currency());
    BigDecimal day =
        amount(v, "internationalPerDay", input.perDay(), input.perDayCurrency(), org.currency());
    v.check(hour == null || hour.signum() > 0, "internationalPerHour", "Must be more than 0.");
    v.check(day == null || day.signum() > 0, "internationalPerDay", "Must be more than 0.");
    v.throwIfInvalid();
    SpendControls before = brakes.controls(org.id());
    SpendControls after = new SpendControls(hour, day);
    brakes.saveControls(org.id(), after, clock.instant());
    audit.record(
        caller,
        AuditAction.SPEND_CONTROLS_CHANGED,
        "organisation",
        org.id(),
        "International spend brake: " + describe(after, org.currency()),
        describe(before, org.currency()),
        describe(after, org.currency()));
    return brake(org.id(), clock.instant());
  }

  /** The brake's settings as the form or the API sends them. */
  public record ControlsInput(
      String perHour, String perHourCurrency, String perDay, String perDayCurrency) {}

  /**
   * Counts a batch's rated calls (R-GUARD-2) in rating's transaction, under the wallet's lock, and
   * trips the brake when the batch takes a rolling window from at or under its limit to over it
   * (R-GUARD-3). Must run before the charge's watchers, so auto-recharge sees the brake.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Optional<BrakeTrip> count(Organisation org, List<SpendLine> lines) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    guard.add(org.id(), lines);
    SpendControls controls = brakes.controls(org.id());
    List<SpendLine> international =
        lines.stream().filter(l -> l.international() && l.charge().signum() > 0).toList();
    if (controls.isOff() || international.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    boolean heldBefore = false;
    BrakeTrip trip = null;
    for (BrakeWindow w : BrakeWindow.values()) {
      BigDecimal limit =
          w == BrakeWindow.HOUR ? controls.internationalPerHour() : controls.internationalPerDay();
      if (limit == null) {
        continue;
      }
      Instant from = now.minus(w.length());
      BigDecimal after = brakes.internationalBetween(org.id(), from, horizon(now));
      BigDecimal added =
          international.stream()
              .filter(l -> inWindow(bucket(l.endedAt()), from, now))
              .map(SpendLine::charge)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal before = after.subtract(added);
      heldBefore |= before.compareTo(limit) > 0;
      if (trip == null && after.compareTo(limit) > 0) {
        trip = new BrakeTrip(0, org.id(), w, limit, after, from, now);
      }
    }
    if (heldBefore || trip == null) {
      return Optional.empty();
    }
    BrakeTrip saved = brakes.addTrip(trip);
    String what =
        "The international calls of the last "
            + (saved.window() == BrakeWindow.HOUR ? "hour" : "24 hours")
            + " cost "
            + Money.of(saved.spent(), org.currency()).toDisplayString()
            + ", over the limit of "
            + Money.of(saved.limit(), org.currency()).toDisplayString()
            + ".";
    audit.record(
        Caller.system(org.id()),
        AuditAction.SPEND_BRAKE_TRIPPED,
        "organisation",
        org.id(),
        "International spend brake tripped: " + what,
        null,
        saved.window().name() + " " + saved.spent().toPlainString());
    notifier.notify(
        org.id(),
        NotificationEvent.SPEND_BRAKE_TRIPPED,
        String.valueOf(saved.id()),
        "International calls stopped: the toll-fraud brake tripped",
        what
            + "\nNew international calls paid by Communications Credits are refused, and"
            + " auto-recharge waits, until the spend in the window is back under the limit or"
            + " an admin changes the limit (Billing > Communications Credits > Spend controls).");
    return Optional.of(saved);
  }

  /** Home's banner while the brake holds: the trip, the calls behind it, the report's dates. */
  public record TripAlert(
      BrakeTrip trip,
      List<BrakeRepository.TrippingCall> calls,
      LocalDate reportFrom,
      LocalDate reportTo,
      String currency) {}

  /** The trip that holds now, with the most expensive international calls of its window. */
  public Optional<TripAlert> tripAlert(Caller caller) {
    requireRead(caller);
    BrakeView view = brake(caller.organisationId(), clock.instant());
    if (view.holdingTrip().isEmpty()) {
      return Optional.empty();
    }
    BrakeTrip trip = view.holdingTrip().get();
    Organisation org = organisation(caller);
    return Optional.of(
        new TripAlert(
            trip,
            brakes.internationalCalls(org.id(), trip.windowFrom(), horizon(trip.trippedAt()), 10),
            trip.windowFrom().atZone(org.timeZone()).toLocalDate(),
            horizon(trip.trippedAt()).atZone(org.timeZone()).toLocalDate(),
            view.currency()));
  }

  /** Whether the brake holds now: a rolling window's spend is over its limit (R-GUARD-3). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean brakeHolds(long organisationId) {
    return brake(organisationId, clock.instant()).holds();
  }

  private BrakeView brake(long organisationId, Instant now) {
    String currency = organisations.find(organisationId).map(o -> o.currency().name()).orElse(null);
    SpendControls controls = brakes.controls(organisationId);
    BigDecimal hour =
        brakes.internationalBetween(
            organisationId, now.minus(BrakeWindow.HOUR.length()), horizon(now));
    BigDecimal day =
        brakes.internationalBetween(
            organisationId, now.minus(BrakeWindow.DAY.length()), horizon(now));
    boolean holds =
        (controls.internationalPerHour() != null
                && hour.compareTo(controls.internationalPerHour()) > 0)
            || (controls.internationalPerDay() != null
                && day.compareTo(controls.internationalPerDay()) > 0);
    return new BrakeView(
        controls,
        hour,
        day,
        holds,
        holds ? brakes.lastTrip(organisationId) : Optional.empty(),
        currency);
  }

  /** The UTC minute a call's spend is counted in. */
  public static Instant bucket(Instant endedAt) {
    return endedAt.truncatedTo(ChronoUnit.MINUTES);
  }

  /** Calls may end up to 5 minutes ahead of the clock (R-RATE-6): their spend counts already. */
  public static Instant horizon(Instant now) {
    return now.plus(5, ChronoUnit.MINUTES);
  }

  private static boolean inWindow(Instant bucket, Instant from, Instant now) {
    return bucket.isAfter(from) && !bucket.isAfter(horizon(now));
  }

  static BigDecimal amount(
      Validator v, String field, String text, String currencyCode, SupportedCurrency currency) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (currencyCode != null && !currency.name().equals(currencyCode)) {
      v.check(false, field + ".currency", "The organisation's currency is " + currency + ".");
      return null;
    }
    try {
      return Money.parse(text.strip(), currency).amount();
    } catch (AmountFormatException e) {
      v.check(false, field, e.getMessage());
      return null;
    }
  }

  private Organisation organisation(Caller caller) {
    return organisations
        .find(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation"));
  }

  static void requireRead(Caller caller) {
    if (!mayRead(caller)) {
      throw new AccessDeniedException("Only Global, Billing and User admins read spend caps.");
    }
  }

  static void requireSet(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
  }

  private static String describe(SpendControls c, SupportedCurrency currency) {
    if (c.isOff()) {
      return "off";
    }
    List<String> parts = new ArrayList<>();
    parts.add(
        "per hour "
            + (c.internationalPerHour() == null
                ? "off"
                : Money.of(c.internationalPerHour(), currency).toPlainString()));
    parts.add(
        "per 24 hours "
            + (c.internationalPerDay() == null
                ? "off"
                : Money.of(c.internationalPerDay(), currency).toPlainString()));
    return String.join(", ", parts);
  }
}
