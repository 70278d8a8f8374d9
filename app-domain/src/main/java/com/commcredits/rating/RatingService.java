package com.commcredits.rating;

import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.DirectoryUserRepository;
import com.commcredits.guard.SpendGuard;
import com.commcredits.guard.SpendLine;
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
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rates a batch of finished calls in one transaction (R-RATE-3, R-RATE-4): each call is priced by a
 * {@link CallRater}, then the batch's pool minutes are written once, its wallet charges made
 * together and its records inserted together. The call id is the idempotency key: a call seen
 * before answers DUPLICATE with its first result. Batches of one organisation are serialised, so
 * two concurrent posts of the same calls charge once. A bad record is REJECTED and spoils nothing
 * else.
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
  @Inject SpendGuard guard;
  @Inject Clock clock;

  /** One result per posted call, in the order posted. */
  public List<RatingResult> rate(Caller caller, List<? extends PostedCall> calls) {
    caller.require(Permission.USE_TELEPHONY);
    Organisation org =
        organisations
            .lock(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"));
    // the wallet before the pools, as the lock order of the wallet package says
    boolean hasWallet = wallets.lockForOrganisation(org.id()).isPresent();
    Map<String, CallRecord> seen =
        records.existing(
            org.id(),
            calls.stream()
                .map(PostedCall::callId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    Map<String, DirectoryUser> callers = callers(org, calls, seen.keySet());
    CallRater rater = rater(org, callers, hasWallet);
    RatingResult[] results = new RatingResult[calls.size()];
    List<Pending> accepted = new ArrayList<>();
    List<Integer> duplicates = new ArrayList<>();
    Set<String> inThisBatch = new HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      PostedCall posted = calls.get(i);
      if (posted instanceof PostedCall.Unreadable bad) {
        results[i] = new RatingResult.Rejected(bad.callId(), bad.error(), org.currency());
      } else if (posted instanceof FinishedCall call) {
        if (seen.containsKey(call.callId())) {
          duplicates.add(i);
        } else if (!inThisBatch.add(call.callId())) {
          results[i] =
              new RatingResult.Rejected(
                  call.callId(), "callId: appears twice in this batch.", org.currency());
        } else {
          CallRater.Decision decision = rater.rate(call);
          if (decision instanceof CallRater.Refused refused) {
            results[i] = new RatingResult.Rejected(call.callId(), refused.reason(), org.currency());
          } else if (decision instanceof CallRater.Priced priced) {
            accepted.add(new Pending(i, call, priced.record(), priced.price()));
          }
        }
      }
    }
    rater.commitPools();
    // counted before the charge, whose watchers (auto-recharge) must see a brake this batch trips
    guard.count(org, spendLines(org, accepted, callers));
    List<ChargeResult> charged = charge(org, accepted);
    records.addAll(accepted.stream().map(Pending::record).toList());
    for (int p = 0, c = 0; p < accepted.size(); p++) {
      Pending pending = accepted.get(p);
      List<ChargeResult.LotPayment> fundedBy =
          pending.price().isPositive() ? charged.get(c++).fundedBy() : List.of();
      results[pending.index()] =
          new RatingResult.Rated(
              pending.call().callId(), pending.record().poolMinutes(), pending.price(), fundedBy);
    }
    answerDuplicates(calls, duplicates, results, seen, org);
    return List.of(results);
  }

  /** A call priced in memory, waiting for its charge and its insert. */
  private record Pending(int index, FinishedCall call, CallRecord record, Money price) {}

  /**
   * The spend guard's view of the accepted calls (R-GUARD-2): who placed each, in which month, what
   * the wallet was charged, and whether it was an international call a user placed.
   */
  private static List<SpendLine> spendLines(
      Organisation org, List<Pending> accepted, Map<String, DirectoryUser> callers) {
    List<SpendLine> lines = new ArrayList<>(accepted.size());
    for (Pending p : accepted) {
      CallRecord r = p.record();
      DirectoryUser user = r.userUpn() == null ? null : callers.get(r.userUpn());
      lines.add(
          new SpendLine(
              user == null ? null : user.id(),
              YearMonth.from(p.call().start().atZone(org.timeZone())),
              p.call().end(),
              p.price().amount(),
              r.tollFreeNumber() == null && !r.domestic(),
              p.call().durationSeconds()));
    }
    return lines;
  }

  /** The batch's callers, read once. */
  private Map<String, DirectoryUser> callers(
      Organisation org, List<? extends PostedCall> calls, Set<String> seen) {
    return users.findByUpns(
        org.id(),
        calls.stream()
            .filter(c -> c instanceof FinishedCall && !seen.contains(c.callId()))
            .map(c -> ((FinishedCall) c).call().userUpn())
            .filter(Objects::nonNull)
            .map(DirectoryUser::normaliseUpn)
            .collect(Collectors.toSet()));
  }

  /**
   * Reads what the batch needs once: the callers' licences, the rate card and the pools (locked on
   * first use and counted in memory); whether there is a wallet is known from its lock.
   */
  private CallRater rater(Organisation org, Map<String, DirectoryUser> callers, boolean hasWallet) {
    Map<Long, Set<String>> skus =
        callers.isEmpty()
            ? Map.of()
            : licences.activeSkus(
                org.id(), callers.values().stream().map(DirectoryUser::id).toList());
    PoolBudget budget = pools.budget(org.id());
    return new CallRater(
        org,
        rates.plan(org.currency().name()),
        catalog.products().stream().collect(Collectors.toMap(Product::sku, Product::includes)),
        callers,
        skus,
        budget,
        hasWallet,
        rates,
        clock.instant());
  }

  /**
   * Charges the wallet once for the batch, for the calls that cost anything; sets each record's
   * ledger entry. The results are in the order of the calls that cost anything.
   */
  private List<ChargeResult> charge(Organisation org, List<Pending> accepted) {
    List<Pending> payable = accepted.stream().filter(p -> p.price().isPositive()).toList();
    List<ChargeResult> charged =
        charging.chargeUnused(
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
    for (int i = 0; i < payable.size(); i++) {
      payable.get(i).record().ledgerEntryId = charged.get(i).entry().id();
    }
    return charged;
  }

  private void answerDuplicates(
      List<? extends PostedCall> calls,
      List<Integer> duplicates,
      RatingResult[] results,
      Map<String, CallRecord> seen,
      Organisation org) {
    if (duplicates.isEmpty()) {
      return;
    }
    Map<Long, List<LotAllocation>> paid =
        ledger.allocations(
            seen.values().stream()
                .map(CallRecord::ledgerEntryId)
                .filter(Objects::nonNull)
                .toList());
    for (int i : duplicates) {
      CallRecord first = seen.get(calls.get(i).callId());
      results[i] =
          new RatingResult.Duplicate(
              new RatingResult.Rated(
                  first.callId(),
                  first.poolMinutes(),
                  Money.of(first.charge(), org.currency()),
                  first.ledgerEntryId() == null
                      ? List.of()
                      : paid.getOrDefault(first.ledgerEntryId(), List.of()).stream()
                          .map(a -> new ChargeResult.LotPayment(a.lotId(), a.amount()))
                          .toList()));
    }
  }

  private static String describe(FinishedCall call) {
    return switch (call.kind()) {
      case OUTBOUND -> "Call to " + call.to().e164();
      case TOLL_FREE_INBOUND ->
          "Toll-free call from " + call.from().e164() + " to " + call.call().tollFreeNumber();
      case CONFERENCE_DIAL_OUT -> "Conference dial-out to " + call.to().e164();
    };
  }
}
