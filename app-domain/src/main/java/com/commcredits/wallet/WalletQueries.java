package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Keyset;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the billing pages and the API read of a wallet: balance, lots, fundings, transactions, the
 * balance history and the R-FUND-6 invariant check. Takes no locks.
 */
@Stateless
public class WalletQueries {
  @Inject WalletRepository wallets;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject FundingRepository fundings;
  @Inject Zones zones;
  @Inject Clock clock;

  public Optional<Wallet> find(Caller caller) {
    return wallets.findForOrganisation(caller.organisationId());
  }

  /** The caller's wallet, for the billing pages and the API. */
  public Wallet get(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    return wallets
        .findForOrganisation(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
  }

  /**
   * The balance now, for reading without the wallet's lock (the pages, the API): lots whose expiry
   * instant has come no longer count even before their expiry is written (R-FUND-10). The wallet is
   * one the caller obtained through {@link #get} or {@link #find}.
   */
  public Money balance(Wallet wallet) {
    return Money.of(wallets.spendableBalance(wallet.id(), clock.instant()), wallet.currency());
  }

  public List<FundingLot> lots(Caller caller) {
    return lots.lots(get(caller).id());
  }

  public List<Funding> recentFundings(Caller caller, int limit) {
    return fundings.recentFundings(get(caller).id(), limit);
  }

  /** Ledger entries, newest first, between two days (inclusive) of the organisation's calendar. */
  public Page<LedgerEntry> transactions(
      Caller caller, LocalDate from, LocalDate to, int page, int size) {
    Wallet wallet = get(caller);
    Page.validate(page, size, 1000);
    new Validator()
        .check(
            from == null || to == null || !from.isAfter(to),
            "from",
            "The start date must not be after the end date.")
        .throwIfInvalid();
    ZoneId zone = zones.of(caller.organisationId());
    Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
    Instant end =
        to == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : to.plusDays(1).atStartOfDay(zone).toInstant();
    return ledger.entries(wallet.id(), start, end, page, size);
  }

  /**
   * A page of the transactions by keyset, newest first (R-REP-3): the newest, those older than
   * {@code before}, or those newer than {@code after} (entry ids); a deep page costs what the first
   * does. The total is exact up to {@link Keyset#COUNT_CAP}, then "more than".
   */
  public Keyset<LedgerEntry> transactions(
      Caller caller, LocalDate from, LocalDate to, Long before, Long after, int size) {
    Wallet wallet = get(caller);
    Page.validate(0, size, 1000);
    Instant[] period = period(caller, from, to);
    Long beforeId = before;
    Long afterId = before == null ? after : null;
    List<LedgerEntry> items =
        ledger.entriesAround(wallet.id(), period[0], period[1], beforeId, afterId, size + 1);
    boolean more = items.size() > size;
    if (more) {
      // the extra one shows a page lies further in the direction of travel
      items = afterId == null ? items.subList(0, size) : items.subList(1, items.size());
    }
    Long newer;
    Long older;
    if (items.isEmpty()) {
      newer = null;
      older = null;
    } else if (afterId == null) {
      older = more ? items.get(items.size() - 1).id() : null;
      newer =
          beforeId != null
                  && ledger.anyBeyond(wallet.id(), period[0], period[1], null, items.get(0).id())
              ? items.get(0).id()
              : null;
    } else {
      newer = more ? items.get(0).id() : null;
      older =
          ledger.anyBeyond(
                  wallet.id(), period[0], period[1], items.get(items.size() - 1).id(), null)
              ? items.get(items.size() - 1).id()
              : null;
    }
    long counted = ledger.countUpTo(wallet.id(), period[0], period[1], Keyset.COUNT_CAP);
    return new Keyset<>(
        items, newer, older, Math.min(counted, Keyset.COUNT_CAP), counted > Keyset.COUNT_CAP);
  }

  /**
   * An offset page of the transactions for the API's {@code page}, the skipped entries read from an
   * index only; the total as in {@link #transactions(Caller, LocalDate, LocalDate, Long, Long,
   * int)} (capped, {@link Keyset#totalCapped}). An offset reads every entry it skips, so a page
   * must start within the first {@link Keyset#COUNT_CAP} entries, as far as the total counts
   * exactly; deeper, the cursor {@code before} answers at the cost of the first page (issue 15).
   */
  public Keyset<LedgerEntry> transactionsAt(
      Caller caller, LocalDate from, LocalDate to, int page, int size) {
    Wallet wallet = get(caller);
    Page.validate(page, size, 1000);
    new Validator()
        .check(
            (long) page * size < Keyset.COUNT_CAP,
            "page",
            "A page must start within the first 10,000 entries; page deeper with the cursor"
                + " 'before' (each answer's 'older').")
        .throwIfInvalid();
    Instant[] period = period(caller, from, to);
    List<LedgerEntry> items =
        ledger.entriesAt(wallet.id(), period[0], period[1], page * size, size + 1);
    boolean more = items.size() > size;
    if (more) {
      items = items.subList(0, size);
    }
    Long older = more ? items.get(items.size() - 1).id() : null;
    Long newer = page > 0 && !items.isEmpty() ? items.get(0).id() : null;
    long counted = ledger.countUpTo(wallet.id(), period[0], period[1], Keyset.COUNT_CAP);
    return new Keyset<>(
        items, newer, older, Math.min(counted, Keyset.COUNT_CAP), counted > Keyset.COUNT_CAP);
  }

  private Instant[] period(Caller caller, LocalDate from, LocalDate to) {
    new Validator()
        .check(
            from == null || to == null || !from.isAfter(to),
            "from",
            "The start date must not be after the end date.")
        .throwIfInvalid();
    ZoneId zone = zones.of(caller.organisationId());
    return new Instant[] {
      from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant(),
      to == null
          ? Instant.parse("9999-01-01T00:00:00Z")
          : to.plusDays(1).atStartOfDay(zone).toInstant()
    };
  }

  /** The closing balance of each of the last {@code days} days, for the chart. */
  public Map<LocalDate, BigDecimal> balanceHistory(Caller caller, int days) {
    Wallet wallet = get(caller);
    ZoneId zone = zones.of(caller.organisationId());
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    return ledger.closingBalances(wallet.id(), today.minusDays(days - 1L), today, zone);
  }

  /**
   * The runway and the funds at risk of expiring (R-SEE-1, R-SEE-2): a read-only figure, so Reports
   * readers see it too; empty before the organisation has a wallet.
   */
  public Optional<RunwayForecast> forecast(Caller caller) {
    caller.require(Permission.VIEW_REPORTS);
    return wallets.findForOrganisation(caller.organisationId()).map(this::forecast);
  }

  /** The forecast of a wallet found by the caller, or for a timer or an email. */
  public RunwayForecast forecast(Wallet wallet) {
    Instant now = clock.instant();
    BigDecimal spent =
        ledger.chargedBetween(
            wallet.id(), now.minus(Duration.ofDays(RunwayForecast.BASIS_DAYS)), now);
    List<RunwayForecast.Lot> open =
        lots.openLots(wallet.id()).stream().map(RunwayForecast.Lot::of).toList();
    return RunwayForecast.project(
        balance(wallet), spent, open, now, zones.of(wallet.organisationId()));
  }

  /** Wallets with a lot whose expiry has come, for the nightly expiry. */
  public List<Long> walletsWithLotsDue() {
    return lots.walletsWithLotsDue(clock.instant());
  }

  /** The invariant check of R-FUND-6 for one wallet; empty when it holds. */
  public List<String> checkInvariant(long walletId) {
    return WalletInvariant.violations(wallets.sums(walletId));
  }
}
