package com.commcredits.rating;

import com.commcredits.access.Caller;
import com.commcredits.access.Permission;
import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.PoolKind;
import com.commcredits.catalog.Product;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.DirectoryUserRepository;
import com.commcredits.licensing.Capabilities;
import com.commcredits.licensing.LicenceRepository;
import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.pools.PoolService;
import com.commcredits.shared.NotFoundException;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.ChargeResult;
import com.commcredits.wallet.LotAllocation;
import com.commcredits.wallet.WalletRepository;
import com.commcredits.wallet.WalletService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rates a batch of finished calls in one transaction (R-RATE-3, R-RATE-4): minutes from the caller's pool
 * while it lasts, the rest from the wallet at the card's rate (Communications Credits licence needed,
 * R-LIC-3); toll-free inbound always from the wallet. The call id is the idempotency key: a call seen
 * before answers DUPLICATE with its first result. Batches of one organisation are serialised, so two
 * concurrent posts of the same calls charge once. A bad record is REJECTED and spoils nothing else.
 */
@Stateless
public class RatingService {
  @Inject CallRecordRepository records;
  @Inject RateRepository rates;
  @Inject DirectoryUserRepository users;
  @Inject LicenceRepository licences;
  @Inject CatalogRepository catalog;
  @Inject OrganisationRepository organisations;
  @Inject WalletService walletService;
  @Inject WalletRepository wallets;
  @Inject PoolService pools;
  @Inject Clock clock;

  /** A call as posted, with the format error found by the API, if any. */
  public record Posted(String callId, CallKind kind, String userUpn, String tollFreeNumber, PhoneNumber from,
      PhoneNumber to, java.time.Instant start, java.time.Instant end, int durationSeconds, String error) {}

  /** What became of one posted call. */
  public enum Status {
    RATED,
    DUPLICATE,
    REJECTED
  }

  /** One result per posted call. */
  public record Result(String callId, Status status, int poolMinutes, Money charge,
      List<ChargeResult.LotPayment> fundedBy, String error) {}

  public List<Result> rate(Caller caller, List<Posted> calls) {
    caller.require(Permission.USE_TELEPHONY);
    Organisation org = organisations.lock(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation"));
    Map<String, CallRecord> seen = new HashMap<>(records.existing(org.id(),
        calls.stream().map(Posted::callId).filter(id -> id != null).collect(Collectors.toSet())));
    Map<String, Set<String>> inclusions = catalog.products().stream()
        .collect(Collectors.toMap(Product::sku, Product::includes));
    RatePlan plan = rates.plan(org.currency().name());
    List<Result> results = new ArrayList<>(calls.size());
    Set<String> inThisBatch = new HashSet<>();
    for (Posted call : calls) {
      if (call.error() != null) {
        results.add(rejected(call, call.error(), org));
      } else if (seen.containsKey(call.callId())) {
        results.add(duplicate(seen.get(call.callId()), org));
      } else if (!inThisBatch.add(call.callId())) {
        results.add(rejected(call, "callId appears twice in this batch.", org));
      } else {
        Result result = rateOne(caller, org, plan, inclusions, call);
        results.add(result);
      }
    }
    return results;
  }

  private Result rateOne(Caller caller, Organisation org, RatePlan plan, Map<String, Set<String>> inclusions,
      Posted call) {
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
    r.ratedAt = clock.instant();
    LocalDate day = call.start().atZone(org.timeZone()).toLocalDate();
    int minutes = (call.durationSeconds() + 59) / 60;
    int covered = 0;
    boolean credits;
    PhoneNumber rated;
    if (call.kind() == CallKind.TOLL_FREE_INBOUND) {
      if (call.tollFreeNumber() == null || !rates.tollFreeOwner(call.tollFreeNumber()).map(o -> o == org.id()).orElse(false)) {
        return rejected(call, "tollFreeNumber: not one of your organisation's toll-free numbers.", org);
      }
      r.tollFreeNumber = call.tollFreeNumber();
      r.destinationCountry = call.from().country();
      r.domestic = false;
      credits = true;
      rated = call.from();
    } else {
      Optional<DirectoryUser> found = users.findByUpn(org.id(),
          call.userUpn() == null ? "" : DirectoryUser.normaliseUpn(call.userUpn()));
      if (found.isEmpty()) {
        return rejected(call, "userUpn: there is no user " + call.userUpn() + ".", org);
      }
      DirectoryUser user = found.get();
      r.userUpn = user.upn();
      r.userName = user.displayName();
      r.userLocation = user.usageLocation();
      r.destinationCountry = call.to().country();
      r.domestic = PoolService.isDomestic(user.usageLocation(), call.to().country());
      Set<String> held = Capabilities.effective(
          licences.activeSkus(org.id(), List.of(user.id())).getOrDefault(user.id(), Set.of()), inclusions);
      PoolKind kind = Entitlement.poolKind(call.kind(), user.usageLocation(), call.to());
      boolean entitled = Entitlement.entitled(kind, held);
      credits = held.contains(Capabilities.COMMUNICATIONS_CREDITS);
      YearMonth month = pools.monthOf(org.id(), call.start());
      long available = entitled ? pools.available(org.id(), user.usageLocation(), kind, month) : 0;
      if (minutes > available && !credits) {
        return rejected(call, "The call goes beyond the " + kind.name().toLowerCase().replace('_', ' ')
            + " minutes and " + user.upn() + " has no Communications Credits licence.", org);
      }
      if (entitled && minutes > 0) {
        covered = (int) pools.take(org.id(), user.usageLocation(), kind, month, minutes);
        r.poolKind = kind.name();
      }
      rated = call.to();
    }
    r.poolMinutes = covered;
    int walletSeconds = Math.max(0, call.durationSeconds() - covered * 60);
    r.walletSeconds = walletSeconds;
    r.connectionFee = BigDecimal.ZERO;
    r.charge = BigDecimal.ZERO;
    List<ChargeResult.LotPayment> fundedBy = List.of();
    if (walletSeconds > 0 && credits) {
      Optional<Rate> rate = plan.rateFor(call.kind(), rated, day);
      if (rate.isEmpty()) {
        return rejected(call, "No rate applies to " + rated.e164() + ".", org);
      }
      if (wallets.findForOrganisation(org.id()).isEmpty()) {
        return rejected(call, "The organisation has no Communications Credits wallet.", org);
      }
      Money price = rate.get().price(walletSeconds, org.currency());
      r.ratePrefix = rate.get().prefix();
      r.connectionFee = rate.get().connectionFee();
      r.charge = price.amount();
      if (price.isPositive()) {
        ChargeResult charged = walletService.charge(Caller.system(org.id()), new Charge(price, "call:" + call.callId(),
            call.callId(), describe(call), call.end()));
        r.ledgerEntryId = charged.entry().id();
        fundedBy = charged.fundedBy();
      }
    }
    records.add(r);
    return new Result(call.callId(), Status.RATED, covered, Money.of(r.charge, org.currency()), fundedBy, null);
  }

  private static String describe(Posted call) {
    return switch (call.kind()) {
      case OUTBOUND -> "Call to " + call.to().e164();
      case TOLL_FREE_INBOUND -> "Toll-free call from " + call.from().e164() + " to " + call.tollFreeNumber();
      case CONFERENCE_DIAL_OUT -> "Conference dial-out to " + call.to().e164();
    };
  }

  private Result duplicate(CallRecord first, Organisation org) {
    List<ChargeResult.LotPayment> fundedBy = first.ledgerEntryId() == null ? List.of()
        : wallets.allocations(first.ledgerEntryId()).stream()
            .map((LotAllocation a) -> new ChargeResult.LotPayment(a.lotId(), a.amount())).toList();
    return new Result(first.callId(), Status.DUPLICATE, first.poolMinutes(), Money.of(first.charge(), org.currency()),
        fundedBy, null);
  }

  private static Result rejected(Posted call, String why, Organisation org) {
    return new Result(call.callId(), Status.REJECTED, 0, Money.zero(org.currency()), List.of(), why);
  }
}
