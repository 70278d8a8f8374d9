package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An organisation's Communications Credits wallet in its currency (R-FUND-1). Every change of money
 * goes through one of its methods, which update the balance and the lots together and return the
 * ledger entry that records it; the caller holds the wallet's row lock, so concurrent changes are
 * serialised (R-FUND-8).
 */
@Entity
@Table(name = "wallet")
public class Wallet {
  /** Charges draw on lots soonest expiry first, then oldest (R-FUND-3). */
  public static final Comparator<FundingLot> FIFO =
      Comparator.comparing(FundingLot::expiresAt)
          .thenComparing(FundingLot::purchasedAt)
          .thenComparing(l -> l.id() == null ? Long.MAX_VALUE : l.id());

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SupportedCurrency currency;

  @Column(nullable = false)
  private BigDecimal balance;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Wallet() {
    // for JPA
  }

  public Wallet(long organisationId, SupportedCurrency currency, Instant createdAt) {
    this.organisationId = organisationId;
    this.currency = Objects.requireNonNull(currency, "currency");
    this.balance = Money.zero(currency).amount();
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Who and when, for the entry a movement writes. */
  public record Stamp(
      Instant occurredAt,
      Instant recordedAt,
      String idempotencyKey,
      String reference,
      String description,
      String actor) {}

  /**
   * Charges an amount: lots pay soonest-expiring first (R-FUND-3); what no lot covers takes the
   * balance below zero (R-FUND-5).
   */
  public Movement charge(Money amount, List<FundingLot> lots, Stamp stamp) {
    return debit(EntryType.CHARGE, amount, lots, stamp);
  }

  /** A manual debit adjustment: paid like a charge. */
  public Movement debitAdjustment(Money amount, List<FundingLot> lots, Stamp stamp) {
    return debit(EntryType.ADJUSTMENT, amount, lots, stamp);
  }

  private Movement debit(EntryType type, Money amount, List<FundingLot> lots, Stamp stamp) {
    requirePositive(amount);
    BigDecimal wanted = amount.amount();
    List<Movement.Part> parts = new ArrayList<>();
    for (FundingLot lot :
        lots.stream()
            .filter(l -> l.walletId() == id && l.isUsableAt(stamp.occurredAt()))
            .sorted(FIFO)
            .toList()) {
      if (wanted.signum() == 0) {
        break;
      }
      BigDecimal taken = lot.take(wanted);
      parts.add(new Movement.Part(lot, taken));
      wanted = wanted.subtract(taken);
    }
    if (wanted.signum() > 0) {
      parts.add(new Movement.Part(null, wanted));
    }
    balance = Money.of(balance.subtract(amount.amount()), currency).amount();
    return new Movement(entry(type, amount.amount().negate(), stamp, null), null, parts);
  }

  /**
   * Adds a lot of funds whose payment succeeded or was accepted (R-FUND-2). It first covers a
   * negative balance (R-FUND-5): that part of the lot is spent at once and recorded against it.
   */
  public Movement fund(
      Money amount,
      LotSource source,
      Long fundingId,
      String paymentReference,
      ZoneId zone,
      Stamp stamp) {
    return credit(
        source == LotSource.ADJUSTMENT ? EntryType.ADJUSTMENT : EntryType.FUNDING,
        amount,
        source,
        fundingId,
        paymentReference,
        zone,
        stamp);
  }

  private Movement credit(
      EntryType type,
      Money amount,
      LotSource source,
      Long fundingId,
      String paymentReference,
      ZoneId zone,
      Stamp stamp) {
    requirePositive(amount);
    FundingLot lot =
        new FundingLot(
            id, amount.amount(), stamp.occurredAt(), zone, source, fundingId, paymentReference);
    List<Movement.Part> parts = new ArrayList<>();
    BigDecimal debt = balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
    if (debt.signum() > 0) {
      parts.add(new Movement.Part(lot, lot.take(debt)));
    }
    balance = Money.of(balance.add(amount.amount()), currency).amount();
    return new Movement(entry(type, amount.amount(), stamp, null), lot, parts);
  }

  /** Forfeits what is left of a lot whose 12 months have passed (R-FUND-4); nothing is deleted. */
  public Movement expire(FundingLot lot, Stamp stamp) {
    if (lot.walletId() != id || !lot.isDueForExpiry(stamp.occurredAt())) {
      throw new IllegalArgumentException("Lot " + lot.id() + " is not due for expiry");
    }
    BigDecimal gone = lot.expire(stamp.occurredAt());
    balance = Money.of(balance.subtract(gone), currency).amount();
    return new Movement(
        entry(EntryType.EXPIRY, gone.negate(), stamp, null),
        null,
        List.of(new Movement.Part(lot, gone)));
  }

  /**
   * Reverses a debit (a charge or a debit adjustment): each lot that paid and has not expired gets
   * its part back; the part that had gone uncovered reduces the negative amount. Parts paid by lots
   * that have expired since stay spent, as they would have expired anyway.
   */
  public Movement reverse(
      LedgerEntry original,
      List<LotAllocation> allocations,
      Map<Long, FundingLot> lots,
      Stamp stamp) {
    if (original.walletId() != id
        || original.amount().signum() >= 0
        || !(original.type() == EntryType.CHARGE || original.type() == EntryType.ADJUSTMENT)) {
      throw new IllegalArgumentException("Only a charge or a debit adjustment can be reversed");
    }
    BigDecimal restored = BigDecimal.ZERO;
    List<Movement.Part> parts = new ArrayList<>();
    for (LotAllocation allocation : allocations) {
      if (allocation.isUncovered()) {
        parts.add(new Movement.Part(null, allocation.amount().negate()));
        restored = restored.add(allocation.amount());
        continue;
      }
      FundingLot lot = lots.get(allocation.lotId());
      if (lot != null && lot.expiredAt() == null && stamp.occurredAt().isBefore(lot.expiresAt())) {
        lot.giveBack(allocation.amount());
        parts.add(new Movement.Part(lot, allocation.amount().negate()));
        restored = restored.add(allocation.amount());
      }
    }
    balance = Money.of(balance.add(restored), currency).amount();
    return new Movement(entry(EntryType.REVERSAL, restored, stamp, original.id()), null, parts);
  }

  private LedgerEntry entry(EntryType type, BigDecimal signedAmount, Stamp stamp, Long reverses) {
    return new LedgerEntry(
        this,
        type,
        Money.of(signedAmount, currency).amount(),
        stamp.occurredAt(),
        stamp.recordedAt(),
        stamp.idempotencyKey(),
        stamp.reference(),
        stamp.description(),
        reverses,
        stamp.actor());
  }

  private void requirePositive(Money amount) {
    if (amount.currency() != currency) {
      throw new IllegalArgumentException(
          "The wallet is in " + currency + ", not " + amount.currency());
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("The amount must be more than zero");
    }
  }

  /**
   * Calls that need credits are refused while the balance is zero or below (R-FUND-5). Meaningful
   * under the wallet's lock, which expires due lots first; a read without it goes through {@link
   * WalletQueries#balance}, which leaves out lots past their expiry instant (R-FUND-10).
   */
  public boolean canPayForCalls() {
    return balance.signum() > 0;
  }

  void assignId(long id) {
    this.id = id;
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public SupportedCurrency currency() {
    return currency;
  }

  public Money balance() {
    return Money.of(balance, currency);
  }

  BigDecimal balanceAmount() {
    return balance;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
