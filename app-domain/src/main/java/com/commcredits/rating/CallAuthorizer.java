package com.commcredits.rating;

import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.PoolKind;
import com.commcredits.catalog.Product;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.guard.Allowances;
import com.commcredits.licensing.Capabilities;
import com.commcredits.pools.PoolService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Call authorisation (R-RATE-2, R-RATE-5, R-LIC-3): a call first uses the minute pool it is
 * entitled to (domestic, international or conferencing dial-out, of the user's country); beyond it,
 * the wallet pays when the user holds a Communications Credits licence and the balance is above
 * zero. Toll-free inbound calls are always paid by the wallet.
 */
@ApplicationScoped // reads only, no transaction: not an enterprise bean, whose container's call
// and transaction context were some 5 % of an authorisation's CPU (JFR, issue 16)
public class CallAuthorizer {
  @Inject AuthorizationReads reads;
  @Inject CatalogRepository catalog;
  @Inject RateRepository rates;
  @Inject Clock clock;

  /** Whether {@code call}, placed at {@code at}, may go ahead, who pays and for how long. */
  public Authorization authorize(Caller caller, CallRequest call, Instant at) {
    caller.require(Permission.USE_TELEPHONY);
    String upn =
        call.kind() == CallKind.TOLL_FREE_INBOUND
            ? null
            : DirectoryUser.normaliseUpn(call.userUpn());
    // funds expired by the time the call is placed or charged never count (R-FUND-10)
    Instant now = clock.instant();
    Instant balanceAt = at.isAfter(now) ? at : now;
    AuthorizationReads.OrganisationFacts org =
        reads
            .organisation(caller.organisationId(), upn, balanceAt, at)
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Optional<BigDecimal> balance = org.walletBalance();
    RatePlan plan = rates.plan(org.currency().name());
    LocalDate day = at.atZone(org.zone()).toLocalDate();

    if (call.kind() == CallKind.TOLL_FREE_INBOUND) {
      if (!rates
          .tollFreeOwner(call.tollFreeNumber())
          .map(o -> o == caller.organisationId())
          .orElse(false)) {
        throw ValidationException.of(
            "tollFreeNumber", "This toll-free number is not one of your organisation's.");
      }
      Rate rate =
          plan.rateFor(CallKind.TOLL_FREE_INBOUND, call.from(), day)
              .orElseThrow(
                  () ->
                      ValidationException.of(
                          "from", "No rate applies to a call from this number."));
      return walletPays(balance, rate, call.from().country());
    }

    AuthorizationReads.UserFacts user =
        org.user()
            .orElseThrow(
                () ->
                    ValidationException.of("userUpn", "There is no user " + call.userUpn() + "."));
    if (user.blocked()) {
      return Authorization.refused("The user is blocked.");
    }
    Map<String, Set<String>> inclusions =
        catalog.products().stream().collect(Collectors.toMap(Product::sku, Product::includes));
    Set<String> held = Capabilities.effective(user.skus(), inclusions);
    String country = user.usageLocation();
    PoolKind poolKind = Entitlement.poolKind(call.kind(), country, call.to());
    boolean entitled = Entitlement.entitled(poolKind, held);
    YearMonth month = YearMonth.from(at.atZone(org.zone()));
    long poolSeconds =
        entitled
            ? reads.availableMinutes(
                    caller.organisationId(),
                    country,
                    poolKind,
                    month,
                    PoolService.capacityInstant(month, org.zone(), now))
                * 60
            : 0;
    boolean credits = held.contains(Capabilities.COMMUNICATIONS_CREDITS);
    Optional<Rate> rate = plan.rateFor(call.kind(), call.to(), day);
    long walletSeconds =
        credits && rate.isPresent() && canPay(balance)
            ? rate.get().secondsCoveredBy(balance.get())
            : 0;
    Guarded guarded =
        walletSeconds > 0
            ? guarded(
                org.allowances(user),
                !PoolService.isDomestic(country, call.to().country()),
                rate.get())
            : Guarded.NONE;
    if (poolSeconds > 0) {
      long covered = Math.min(walletSeconds, guarded.seconds());
      return new Authorization(
          true,
          Authorization.PayerType.POOL,
          country,
          poolKind,
          poolSeconds + covered,
          null,
          covered < walletSeconds ? guarded.reason().name() : null);
    }
    if (!credits) {
      return Authorization.refused(
          "The "
              + poolKind.name().toLowerCase().replace('_', ' ')
              + " minutes are used up or not included, and the user has no Communications Credits licence.");
    }
    if (rate.isEmpty()) {
      return Authorization.refused("No rate applies to this destination.");
    }
    if (guarded.reason() != null && guarded.seconds() < MINUTE) {
      return Authorization.refused(guarded.reason());
    }
    Authorization paid = walletPays(balance, rate.get(), country);
    if (paid.allowed() && guarded.seconds() < paid.maxDurationSeconds()) {
      return new Authorization(
          true,
          Authorization.PayerType.WALLET,
          country,
          null,
          guarded.seconds(),
          null,
          guarded.reason().name());
    }
    return paid;
  }

  private static final long MINUTE = 60;

  /** The seconds the tightest spend guard limit leaves at a rate, and which limit that is. */
  private record Guarded(long seconds, Allowances.Reason reason) {
    static final Guarded NONE = new Guarded(Long.MAX_VALUE, null);
  }

  /**
   * R-GUARD-2: the caller's monthly caps and, for an international call, the organisation's brake
   * over the rolling hour and 24 hours; the tightest remainder bounds the call.
   */
  private static Guarded guarded(Allowances allowances, boolean international, Rate rate) {
    Guarded tightest = Guarded.NONE;
    for (Allowances.Remaining r : allowances.remaining(international)) {
      long seconds = rate.secondsCoveredBy(r.amount());
      if (seconds < tightest.seconds()) {
        tightest = new Guarded(seconds, r.reason());
      }
    }
    return tightest;
  }

  /** Calls that need credits are refused while the balance is zero or below (R-FUND-5). */
  private static boolean canPay(Optional<BigDecimal> balance) {
    return balance.isPresent() && balance.get().signum() > 0;
  }

  private static Authorization walletPays(Optional<BigDecimal> balance, Rate rate, String country) {
    if (!canPay(balance)) {
      return Authorization.refused("The Communications Credits balance is zero or below.");
    }
    long seconds = rate.secondsCoveredBy(balance.get());
    if (seconds == 0) {
      return Authorization.refused(
          "The Communications Credits balance does not cover the first minute.");
    }
    return new Authorization(
        true, Authorization.PayerType.WALLET, country, null, seconds, null, null);
  }
}
