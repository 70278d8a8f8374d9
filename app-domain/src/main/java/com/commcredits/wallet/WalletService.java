package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ConflictException;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wallet's front door: reads (balance, lots, transactions, balance history) and the operations
 * that move money without a payment: charges, manual adjustments, reversals and expiry. Each
 * operation locks the wallet row, is idempotent by its key, and writes its ledger entry and
 * allocations together.
 */
@Stateless
public class WalletService {
  @Inject WalletRepository wallets;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject WalletSettings settings;
  @Inject com.commcredits.notification.Notifier notifier;
  @Inject BalanceWatcher watcher;

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

  public List<FundingLot> lots(Caller caller) {
    return wallets.lots(get(caller).id());
  }

  public List<Funding> recentFundings(Caller caller, int limit) {
    return wallets.recentFundings(get(caller).id(), limit);
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
    ZoneId zone = zone(caller.organisationId());
    Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
    Instant end =
        to == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : to.plusDays(1).atStartOfDay(zone).toInstant();
    return wallets.entries(wallet.id(), start, end, page, size);
  }

  /** The closing balance of each of the last {@code days} days, for the chart. */
  public Map<LocalDate, BigDecimal> balanceHistory(Caller caller, int days) {
    Wallet wallet = get(caller);
    ZoneId zone = zone(caller.organisationId());
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    return wallets.closingBalances(wallet.id(), today.minusDays(days - 1L), today, zone);
  }

  /**
   * Charges the organisation's wallet (what rating calls). A repeated key returns the first result
   * and moves no money (R-FUND-7); the balance may go below zero (R-FUND-5).
   */
  public ChargeResult charge(Caller caller, Charge charge) {
    return chargeAll(caller, List.of(charge)).get(0);
  }

  /**
   * Charges many calls of one organisation at once, as rating a batch does: the wallet is locked
   * once, its lots are read once and pay each charge in turn, soonest expiry first (R-FUND-3), and
   * the entries and allocations are written with batched inserts. Each charge keeps its own entry
   * and key, so the ledger reads as if they had been made one by one; a key seen before answers its
   * first result. Auto-recharge and the zero-balance notice see the batch's final balance once.
   */
  public List<ChargeResult> chargeAll(Caller caller, List<Charge> charges) {
    if (caller.actorType() != Caller.ActorType.SYSTEM && !caller.can(Permission.USE_TELEPHONY)) {
      throw new AccessDeniedException("Only the telephony platform charges a wallet.");
    }
    if (charges.isEmpty()) {
      return List.of();
    }
    Wallet wallet =
        wallets
            .lockForOrganisation(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    Map<String, LedgerEntry> earlier =
        wallets.entriesByKeys(wallet.id(), charges.stream().map(Charge::idempotencyKey).toList());
    Map<Long, List<LotAllocation>> earlierAllocations =
        wallets.allocations(earlier.values().stream().map(LedgerEntry::id).toList());
    List<FundingLot> lots =
        earlier.size() == charges.size() ? List.of() : wallets.openLots(wallet.id());
    Money before = wallet.balance();
    Instant now = clock.instant();
    List<Movement> movements = new java.util.ArrayList<>();
    Map<String, Movement> made = new java.util.HashMap<>();
    for (Charge charge : charges) {
      LedgerEntry first = earlier.get(charge.idempotencyKey());
      if (first != null) {
        if (first.type() != EntryType.CHARGE
            || first.amount().negate().compareTo(charge.amount().amount()) != 0) {
          throw new ConflictException(
              "The idempotency key "
                  + charge.idempotencyKey()
                  + " was already used for a different charge.");
        }
      } else if (made.containsKey(charge.idempotencyKey())) {
        throw new IllegalArgumentException(
            "The key " + charge.idempotencyKey() + " appears twice in one batch");
      } else {
        Movement movement =
            wallet.charge(
                charge.amount(),
                lots,
                new Wallet.Stamp(
                    charge.occurredAt(),
                    now,
                    charge.idempotencyKey(),
                    charge.reference(),
                    charge.description(),
                    caller.actorName()));
        movements.add(movement);
        made.put(charge.idempotencyKey(), movement);
      }
    }
    if (!movements.isEmpty()) {
      Map<String, Long> ids =
          wallets.insertEntries(movements.stream().map(Movement::entry).toList());
      List<LotAllocation> rows = new java.util.ArrayList<>();
      for (Movement movement : movements) {
        movement.entry().assignId(ids.get(movement.entry().idempotencyKey()));
        rows.addAll(movement.allocations());
      }
      wallets.insertAllocations(rows);
      movements.stream()
          .filter(m -> m.entry().balanceAfter().signum() <= 0)
          .findFirst()
          .ifPresent(m -> noticeZeroCrossing(wallet, before, m.entry()));
      watcher.afterDebit(wallet);
    }
    return charges.stream()
        .map(
            charge -> {
              LedgerEntry first = earlier.get(charge.idempotencyKey());
              if (first != null) {
                return new ChargeResult(
                    first,
                    true,
                    earlierAllocations.getOrDefault(first.id(), List.of()).stream()
                        .map(a -> new ChargeResult.LotPayment(a.lotId(), a.amount()))
                        .toList());
              }
              Movement movement = made.get(charge.idempotencyKey());
              return new ChargeResult(
                  movement.entry(),
                  false,
                  movement.parts().stream()
                      .map(
                          p ->
                              new ChargeResult.LotPayment(
                                  p.lot() == null ? null : p.lot().id(), p.amount()))
                      .toList());
            })
        .toList();
  }

  /** A manual credit or debit with a mandatory reason (Global and Billing admins), audited. */
  public LedgerEntry adjust(Caller caller, Adjustment command) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator().plainAmount("amount", command.amount()).throwIfInvalid(); // before the lock
    Wallet wallet =
        wallets
            .lockForOrganisation(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    Money amount = validAdjustment(command, wallet);
    String key = "adjustment:" + command.idempotencyKey();
    Optional<LedgerEntry> existing = wallets.entryByKey(wallet.id(), key);
    if (existing.isPresent()) {
      BigDecimal signed = command.isCredit() ? amount.amount() : amount.amount().negate();
      if (existing.get().amount().compareTo(signed) != 0) {
        throw new ConflictException("This form was already submitted with a different amount.");
      }
      return existing.get();
    }
    String before = wallet.balance().toString();
    Instant now = clock.instant();
    Wallet.Stamp stamp =
        new Wallet.Stamp(
            now,
            now,
            key,
            null,
            "Manual adjustment: " + command.reason().strip(),
            caller.actorName());
    Money balanceBefore = wallet.balance();
    Movement movement =
        command.isCredit()
            ? wallet.fund(
                amount, LotSource.ADJUSTMENT, null, null, zone(caller.organisationId()), stamp)
            : wallet.debitAdjustment(amount, wallets.openLots(wallet.id()), stamp);
    wallets.record(movement);
    noticeZeroCrossing(wallet, balanceBefore, movement.entry());
    if (!command.isCredit()) {
      watcher.afterDebit(wallet);
    }
    audit.record(
        caller,
        AuditAction.WALLET_ADJUSTED,
        "wallet",
        wallet.id(),
        (command.isCredit() ? "Credit " : "Debit ") + amount + ": " + command.reason().strip(),
        "balance=" + before,
        "balance=" + wallet.balance());
    return movement.entry();
  }

  private Money validAdjustment(Adjustment command, Wallet wallet) {
    Validator v =
        new Validator()
            .check(
                "CREDIT".equals(command.direction()) || "DEBIT".equals(command.direction()),
                "direction",
                "Choose credit or debit.")
            .required(command.reason(), "reason", "A reason", 500)
            .required(command.idempotencyKey(), "idempotencyKey", "The form key", 100);
    Money amount = null;
    try {
      amount = Money.parse(command.amount(), wallet.currency());
      v.check(amount.isPositive(), "amount", "Enter an amount more than zero.");
      v.check(
          amount.amount().compareTo(settings.maximum()) <= 0,
          "amount",
          "An adjustment can be at most "
              + settings.maximum().toPlainString()
              + " "
              + wallet.currency()
              + ".");
    } catch (IllegalArgumentException e) {
      v.check(false, "amount", e.getMessage());
    }
    v.throwIfInvalid();
    return amount;
  }

  /** Reverses a charge or a debit adjustment, linking the entry it reverses; audited. */
  public LedgerEntry reverse(Caller caller, long entryId, String reason, String idempotencyKey) {
    caller.require(Permission.MANAGE_BILLING);
    new Validator()
        .required(reason, "reason", "A reason", 500)
        .required(idempotencyKey, "idempotencyKey", "The form key", 100)
        .throwIfInvalid();
    Wallet wallet =
        wallets
            .lockForOrganisation(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The Communications Credits wallet"));
    LedgerEntry original =
        wallets.entry(wallet.id(), entryId).orElseThrow(() -> new NotFoundException("The entry"));
    String key = "reversal:" + entryId;
    Optional<LedgerEntry> existing = wallets.entryByKey(wallet.id(), key);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (original.amount().signum() >= 0
        || !(original.type() == EntryType.CHARGE || original.type() == EntryType.ADJUSTMENT)) {
      throw ValidationException.of(
          "entryId", "Only a charge or a debit adjustment can be reversed.");
    }
    List<LotAllocation> allocations = wallets.allocations(entryId);
    Map<Long, FundingLot> lots =
        wallets.lotsById(
            wallet.id(),
            allocations.stream()
                .map(LotAllocation::lotId)
                .filter(java.util.Objects::nonNull)
                .toList());
    Instant now = clock.instant();
    Movement movement =
        wallet.reverse(
            original,
            allocations,
            lots,
            new Wallet.Stamp(
                now,
                now,
                key,
                original.reference(),
                "Reversal of entry " + entryId + ": " + reason.strip(),
                caller.actorName()));
    wallets.record(movement);
    audit.record(
        caller,
        AuditAction.ENTRY_REVERSED,
        "ledger-entry",
        entryId,
        "Reversed entry " + entryId + ": " + reason.strip(),
        "amount=" + original.amount(),
        "restored=" + movement.entry().amount());
    return movement.entry();
  }

  /** Expires the wallet's lots whose 12 months have passed (R-FUND-4); returns how many. */
  public int expireLots(long walletId) {
    Wallet wallet = wallets.lock(walletId).orElseThrow(() -> new NotFoundException("The wallet"));
    Instant now = clock.instant();
    int expired = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (FundingLot lot : wallets.openLots(walletId)) {
      if (lot.isDueForExpiry(now)) {
        Money before = wallet.balance();
        Movement movement =
            wallet.expire(
                lot,
                new Wallet.Stamp(
                    lot.expiresAt(),
                    now,
                    "expiry:" + lot.id(),
                    "lot " + lot.id(),
                    "Funds expired 12 months after purchase (lot " + lot.id() + ")",
                    "System"));
        wallets.record(movement);
        Money gone = Money.of(movement.entry().amount().negate(), wallet.currency());
        notifier.notify(
            wallet.organisationId(),
            com.commcredits.notification.NotificationEvent.FUNDS_EXPIRED,
            "lot:" + lot.id(),
            "Communications Credits expired: " + gone,
            gone
                + " of Communications Credits bought on "
                + lot.purchasedAt().atZone(zone(wallet.organisationId())).toLocalDate()
                + " expired today, 12 months after purchase.\nBalance now: "
                + wallet.balance()
                + ".");
        noticeZeroCrossing(wallet, before, movement.entry());
        total = total.add(movement.entry().amount().negate());
        expired++;
      }
    }
    if (expired > 0) {
      audit.record(
          Caller.system(wallet.organisationId()),
          AuditAction.LOTS_EXPIRED,
          "wallet",
          walletId,
          expired + " lot(s) expired: " + Money.of(total, wallet.currency()),
          null,
          "balance=" + wallet.balance());
    }
    return expired;
  }

  /**
   * Warns the billing contacts 30 and 7 days before funds expire (R-NOTIFY-1); each warning once
   * per lot. Returns how many warnings were written.
   */
  public int sendExpiryWarnings() {
    Instant now = clock.instant();
    int written = 0;
    for (FundingLot lot :
        wallets.lotsExpiringBetween(now, now.plus(java.time.Duration.ofDays(30)))) {
      Wallet wallet = wallets.lock(lot.walletId()).orElseThrow();
      long days = java.time.Duration.between(now, lot.expiresAt()).toDays();
      boolean week = days < 7;
      var event =
          week
              ? com.commcredits.notification.NotificationEvent.FUNDS_EXPIRING_7_DAYS
              : com.commcredits.notification.NotificationEvent.FUNDS_EXPIRING_30_DAYS;
      Money left = Money.of(lot.remaining(), wallet.currency());
      java.time.LocalDate on = lot.expiresAt().atZone(zone(wallet.organisationId())).toLocalDate();
      if (notifier.notify(
          wallet.organisationId(),
          event,
          "lot:" + lot.id() + (week ? ":7" : ":30"),
          left + " of Communications Credits expire on " + on,
          left
              + " of Communications Credits bought on "
              + lot.purchasedAt().atZone(zone(wallet.organisationId())).toLocalDate()
              + " will expire on "
              + on
              + " unless used before.\nBalance now: "
              + wallet.balance()
              + ".")) {
        written++;
      }
    }
    return written;
  }

  /** R-NOTIFY-1: when a debit takes the balance to zero or below, once per crossing. */
  private void noticeZeroCrossing(Wallet wallet, Money before, LedgerEntry entry) {
    if (before.isPositive() && wallet.balance().isZeroOrLess()) {
      notifier.notify(
          wallet.organisationId(),
          com.commcredits.notification.NotificationEvent.BALANCE_AT_OR_BELOW_ZERO,
          "entry:" + entry.id(),
          "Your Communications Credits balance is " + wallet.balance(),
          "The Communications Credits balance reached "
              + wallet.balance()
              + " after: "
              + entry.description()
              + ".\nCalls beyond your minute pools, toll-free inbound calls and conference dial-out are refused "
              + "until funds are added.");
    }
  }

  public List<Long> walletsWithLotsDue() {
    return wallets.walletsWithLotsDue(clock.instant());
  }

  /** The invariant check of R-FUND-6 for one wallet; empty when it holds. */
  public List<String> checkInvariant(long walletId) {
    return WalletInvariant.violations(wallets.sums(walletId));
  }

  ZoneId zone(long organisationId) {
    return organisations.find(organisationId).map(Organisation::timeZone).orElse(ZoneId.of("UTC"));
  }

  /** A manual adjustment as the form or API sends it. */
  public record Adjustment(String direction, String amount, String reason, String idempotencyKey) {
    boolean isCredit() {
      return "CREDIT".equals(direction);
    }
  }
}
