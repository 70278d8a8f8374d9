package com.commcredits.rating;

import com.commcredits.catalog.PoolKind;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.licensing.Capabilities;
import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.pools.PoolBudget;
import com.commcredits.pools.PoolService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, in memory, what one call of a batch costs and who pays (R-RATE-3, R-RATE-5, R-LIC-3):
 * minutes from the caller's pool while it lasts, the rest from the wallet at the card's rate when
 * the caller holds Communications Credits; toll-free inbound always from the wallet. Works on what
 * the batch read once: callers and their licences, the rate card and the locked pools; a refused
 * call takes no pool minute.
 */
final class CallRater {
  private final Organisation org;
  private final RatePlan plan;
  private final Map<String, Set<String>> inclusions;
  private final Map<String, DirectoryUser> users;
  private final Map<Long, Set<String>> skus;
  private final PoolBudget pools;
  private final boolean hasWallet;
  private final RateRepository rates;
  private final Instant ratedAt;
  private final Map<String, Boolean> ownTollFree = new HashMap<>();

  /** The decision for one call. */
  sealed interface Decision {}

  /** Accepted: the record to insert, and the price the wallet is charged (zero: nothing). */
  record Priced(CallRecord record, Money price) implements Decision {}

  /** Refused, with the reason naming the field where there is one. */
  record Refused(String reason) implements Decision {}

  CallRater(
      Organisation org,
      RatePlan plan,
      Map<String, Set<String>> inclusions,
      Map<String, DirectoryUser> users,
      Map<Long, Set<String>> skus,
      PoolBudget pools,
      boolean hasWallet,
      RateRepository rates,
      Instant ratedAt) {
    this.org = org;
    this.plan = plan;
    this.inclusions = inclusions;
    this.users = users;
    this.skus = skus;
    this.pools = pools;
    this.hasWallet = hasWallet;
    this.rates = rates;
    this.ratedAt = ratedAt;
  }

  Decision rate(FinishedCall call) {
    CallRecord r = CallRecord.blank();
    r.organisationId = org.id();
    r.callId = call.callId();
    r.kind = call.kind();
    r.fromNumber = call.from().e164();
    r.toNumber = call.to().e164();
    r.startAt = call.start();
    r.endAt = call.end();
    r.durationSeconds = call.durationSeconds();
    r.currency = org.currency().name();
    r.ratedAt = ratedAt;
    int minutes = (call.durationSeconds() + 59) / 60;
    int covered = 0;
    boolean credits;
    PhoneNumber rated;
    PoolTake take = null;
    String tollFree = call.call().tollFreeNumber();
    if (call.kind() == CallKind.TOLL_FREE_INBOUND) {
      if (!ownTollFree.computeIfAbsent(
          tollFree, n -> rates.tollFreeOwner(n).map(o -> o.equals(org.id())).orElse(false))) {
        return new Refused("tollFreeNumber: not one of your organisation's toll-free numbers.");
      }
      r.tollFreeNumber = tollFree;
      r.destinationCountry = call.from().country();
      r.domestic = false;
      credits = true;
      rated = call.from();
    } else {
      String upn = call.call().userUpn();
      DirectoryUser user = users.get(DirectoryUser.normaliseUpn(upn));
      if (user == null) {
        return new Refused("userUpn: there is no user " + upn + ".");
      }
      r.userUpn = user.upn();
      r.userName = user.displayName();
      r.userLocation = user.usageLocation();
      r.destinationCountry = call.to().country();
      r.domestic = PoolService.isDomestic(user.usageLocation(), call.to().country());
      Set<String> held = Capabilities.effective(skus.getOrDefault(user.id(), Set.of()), inclusions);
      PoolKind kind = Entitlement.poolKind(call.kind(), user.usageLocation(), call.to());
      boolean entitled = Entitlement.entitled(kind, held);
      credits = held.contains(Capabilities.COMMUNICATIONS_CREDITS);
      YearMonth month = YearMonth.from(call.start().atZone(org.timeZone()));
      long available =
          entitled && minutes > 0 ? pools.available(user.usageLocation(), kind, month) : 0;
      if (minutes > available && !credits) {
        return new Refused(
            "The call goes beyond the "
                + kind.name().toLowerCase().replace('_', ' ')
                + " minutes and "
                + user.upn()
                + " has no Communications Credits licence.");
      }
      if (entitled && minutes > 0) {
        covered = (int) Math.min(minutes, available);
        r.poolKind = kind.name();
        take = new PoolTake(user.usageLocation(), kind, month, covered);
      }
      rated = call.to();
    }
    r.poolMinutes = covered;
    int walletSeconds = Math.max(0, call.durationSeconds() - covered * 60);
    r.walletSeconds = walletSeconds;
    r.connectionFee = BigDecimal.ZERO;
    r.charge = BigDecimal.ZERO;
    Money price = Money.zero(org.currency());
    if (walletSeconds > 0 && credits) {
      LocalDate day = call.start().atZone(org.timeZone()).toLocalDate();
      Optional<Rate> rate = plan.rateFor(call.kind(), rated, day);
      if (rate.isEmpty()) {
        return new Refused("No rate applies to " + rated.e164() + ".");
      }
      if (!hasWallet) {
        return new Refused("The organisation has no Communications Credits wallet.");
      }
      price = rate.get().price(walletSeconds, org.currency());
      r.ratePrefix = rate.get().prefix();
      r.connectionFee = rate.get().connectionFee();
      r.charge = price.amount();
    }
    if (take != null) {
      pools.take(take.country(), take.kind(), take.month(), take.minutes());
    }
    return new Priced(r, price);
  }

  /** Writes the minutes the batch's accepted calls took, once per pool month. */
  void commitPools() {
    pools.commit();
  }

  /** Pool minutes an accepted call takes, taken only once nothing can refuse it any more. */
  private record PoolTake(String country, PoolKind kind, YearMonth month, int minutes) {}
}
