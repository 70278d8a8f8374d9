package com.commcredits.rating;

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
import com.commcredits.pools.PoolBudget;
import com.commcredits.pools.PoolService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.ChargeResult;
import com.commcredits.wallet.Charging;
import com.commcredits.wallet.LedgerRepository;
import com.commcredits.wallet.LotAllocation;
import com.commcredits.wallet.WalletRepository;
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
 * Rates a batch of finished calls in one transaction (R-RATE-3, R-RATE-4): minutes from the
 * caller's pool while it lasts, the rest from the wallet at the card's rate (Communications Credits
 * licence needed, R-LIC-3); toll-free inbound always from the wallet. The call id is the
 * idempotency key: a call seen before answers DUPLICATE with its first result. Batches of one
 * organisation are serialised, so two concurrent posts of the same calls charge once. A bad record
 * is REJECTED and spoils nothing else.
 */
@Stateless
public class RatingService {
  @Inject CallRecordRepository records;
  @Inject RateRepository rates;
  @Inject DirectoryUserRepository users;
  @Inject LicenceRepository licences;
  @Inject CatalogRepository catalog;
  @Inject OrganisationRepository organisations;
  @Inject Charging charging;
  @Inject WalletRepository wallets;
  @Inject LedgerRepository ledger;
  @Inject PoolService pools;
  @Inject Clock clock;

  /** A call as posted, with the format error found by the API, if any. */
  public record Posted(
      String callId,
      CallKind kind,
      String userUpn,
      String tollFreeNumber,
      PhoneNumber from,
      PhoneNumber to,
      java.time.Instant start,
      java.time.Instant end,
      int durationSeconds,
      String error) {}

  /** What became of one posted call. */
  public enum Status {
    RATED,
    DUPLICATE,
    REJECTED
  }

  /** One result per posted call. */
  public record Result(
      String callId,
      Status status,
      int poolMinutes,
      Money charge,
      List<ChargeResult.LotPayment> fundedBy,
      String error) {}

  public List<Result> rate(Caller caller, List<Posted> calls) {
    caller.require(Permission.USE_TELEPHONY);
    Organisation org =
        organisations
            .lock(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    // the wallet before the pools, as the lock order of the wallet package says
    wallets.lockForOrganisation(org.id());
    Map<String, CallRecord> seen =
        records.existing(
            org.id(),
            calls.stream()
                .map(Posted::callId)
                .filter(id -> id != null)
                .collect(Collectors.toSet()));
    Batch batch = new Batch(org, calls, seen.keySet());
    Result[] results = new Result[calls.size()];
    List<Pending> rated = new ArrayList<>();
    Set<String> inThisBatch = new HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      Posted call = calls.get(i);
      if (call.error() != null) {
        results[i] = rejected(call, call.error(), org);
      } else if (seen.containsKey(call.callId())) {
        results[i] = null; // answered below with the first result
      } else if (!inThisBatch.add(call.callId())) {
        results[i] = rejected(call, "callId appears twice in this batch.", org);
      } else {
        String refusal = batch.rate(call);
        if (refusal != null) {
          results[i] = rejected(call, refusal, org);
        } else {
          rated.add(new Pending(i, call, batch.last, batch.lastPrice));
        }
      }
    }
    batch.pools.commit();
    List<Pending> payable = rated.stream().filter(p -> p.price().isPositive()).toList();
    List<ChargeResult> charged =
        charging.chargeAll(
            Caller.system(org.id()),
            payable.stream()
                .map(
                    p ->
                        new Charge(
                            p.price(),
                            "call:" + p.call().callId(),
                            p.call().callId(),
                            describe(p.call()),
                            p.call().end()))
                .toList());
    Map<Integer, ChargeResult> chargeOf = new HashMap<>();
    for (int i = 0; i < payable.size(); i++) {
      payable.get(i).record().ledgerEntryId = charged.get(i).entry().id();
      chargeOf.put(payable.get(i).index(), charged.get(i));
    }
    records.addAll(rated.stream().map(Pending::record).toList());
    for (Pending p : rated) {
      ChargeResult c = chargeOf.get(p.index());
      results[p.index()] =
          new Result(
              p.call().callId(),
              Status.RATED,
              p.record().poolMinutes(),
              Money.of(p.record().charge(), org.currency()),
              c == null ? List.of() : c.fundedBy(),
              null);
    }
    answerDuplicates(calls, results, seen, org);
    return List.of(results);
  }

  /** A call rated in memory, waiting for its charge and its insert. */
  private record Pending(int index, Posted call, CallRecord record, Money price) {}

  /**
   * What one batch needs, read once: the callers and their licences, the toll-free numbers, the
   * rate card, the wallet, and the pools (locked and counted in memory).
   */
  private final class Batch {
    final Organisation org;
    final RatePlan plan;
    final Map<String, Set<String>> inclusions;
    final Map<String, DirectoryUser> users;
    final Map<Long, Set<String>> skus;
    final Map<String, Boolean> ownTollFree = new HashMap<>();
    final PoolBudget pools;
    final boolean hasWallet;
    CallRecord last;
    Money lastPrice;

    Batch(Organisation org, List<Posted> calls, Set<String> seen) {
      this.org = org;
      this.plan = rates.plan(org.currency().name());
      this.inclusions =
          catalog.products().stream().collect(Collectors.toMap(Product::sku, Product::includes));
      this.users =
          RatingService.this.users.findByUpns(
              org.id(),
              calls.stream()
                  .filter(
                      c -> c.error() == null && c.userUpn() != null && !seen.contains(c.callId()))
                  .map(c -> DirectoryUser.normaliseUpn(c.userUpn()))
                  .collect(Collectors.toSet()));
      this.skus =
          users.isEmpty()
              ? Map.of()
              : licences.activeSkus(
                  org.id(), users.values().stream().map(DirectoryUser::id).toList());
      this.pools = RatingService.this.pools.budget(org.id());
      this.hasWallet = wallets.findForOrganisation(org.id()).isPresent();
    }

    /**
     * Rates one call in memory ({@link #last}, {@link #lastPrice}); returns why it is refused, or
     * null.
     */
    String rate(Posted call) {
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
      int minutes = (call.durationSeconds() + 59) / 60;
      int covered = 0;
      boolean credits;
      PhoneNumber rated;
      Runnable takeMinutes = () -> {};
      if (call.kind() == CallKind.TOLL_FREE_INBOUND) {
        if (call.tollFreeNumber() == null
            || !ownTollFree.computeIfAbsent(
                call.tollFreeNumber(),
                n -> rates.tollFreeOwner(n).map(o -> o == org.id()).orElse(false))) {
          return "tollFreeNumber: not one of your organisation's toll-free numbers.";
        }
        r.tollFreeNumber = call.tollFreeNumber();
        r.destinationCountry = call.from().country();
        r.domestic = false;
        credits = true;
        rated = call.from();
      } else {
        DirectoryUser user =
            call.userUpn() == null ? null : users.get(DirectoryUser.normaliseUpn(call.userUpn()));
        if (user == null) {
          return "userUpn: there is no user " + call.userUpn() + ".";
        }
        r.userUpn = user.upn();
        r.userName = user.displayName();
        r.userLocation = user.usageLocation();
        r.destinationCountry = call.to().country();
        r.domestic = PoolService.isDomestic(user.usageLocation(), call.to().country());
        Set<String> held =
            Capabilities.effective(skus.getOrDefault(user.id(), Set.of()), inclusions);
        PoolKind kind = Entitlement.poolKind(call.kind(), user.usageLocation(), call.to());
        boolean entitled = Entitlement.entitled(kind, held);
        credits = held.contains(Capabilities.COMMUNICATIONS_CREDITS);
        YearMonth month = YearMonth.from(call.start().atZone(org.timeZone()));
        long available =
            entitled && minutes > 0 ? pools.available(user.usageLocation(), kind, month) : 0;
        if (minutes > available && !credits) {
          return "The call goes beyond the "
              + kind.name().toLowerCase().replace('_', ' ')
              + " minutes and "
              + user.upn()
              + " has no Communications Credits licence.";
        }
        if (entitled && minutes > 0) {
          covered = (int) Math.min(minutes, available);
          r.poolKind = kind.name();
          int take = covered;
          takeMinutes = () -> pools.take(user.usageLocation(), kind, month, take);
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
          return "No rate applies to " + rated.e164() + ".";
        }
        if (!hasWallet) {
          return "The organisation has no Communications Credits wallet.";
        }
        price = rate.get().price(walletSeconds, org.currency());
        r.ratePrefix = rate.get().prefix();
        r.connectionFee = rate.get().connectionFee();
        r.charge = price.amount();
      }
      takeMinutes.run();
      last = r;
      lastPrice = price;
      return null;
    }
  }

  private void answerDuplicates(
      List<Posted> calls, Result[] results, Map<String, CallRecord> seen, Organisation org) {
    Map<Long, List<LotAllocation>> paid =
        ledger.allocations(
            seen.values().stream()
                .map(CallRecord::ledgerEntryId)
                .filter(id -> id != null)
                .toList());
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        CallRecord first = seen.get(calls.get(i).callId());
        results[i] =
            new Result(
                first.callId(),
                Status.DUPLICATE,
                first.poolMinutes(),
                Money.of(first.charge(), org.currency()),
                first.ledgerEntryId() == null
                    ? List.of()
                    : paid.getOrDefault(first.ledgerEntryId(), List.of()).stream()
                        .map(a -> new ChargeResult.LotPayment(a.lotId(), a.amount()))
                        .toList(),
                null);
      }
    }
  }

  private static String describe(Posted call) {
    return switch (call.kind()) {
      case OUTBOUND -> "Call to " + call.to().e164();
      case TOLL_FREE_INBOUND ->
          "Toll-free call from " + call.from().e164() + " to " + call.tollFreeNumber();
      case CONFERENCE_DIAL_OUT -> "Conference dial-out to " + call.to().e164();
    };
  }

  private static Result rejected(Posted call, String why, Organisation org) {
    return new Result(
        call.callId(), Status.REJECTED, 0, Money.zero(org.currency()), List.of(), why);
  }
}
