package com.commcredits.rating;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.wallet.ChargeResult;
import java.util.List;
import java.util.Objects;

/**
 * What became of one posted call (R-RATE-3, R-RATE-4): rated now, a duplicate answered with its
 * first result, or rejected with the reason naming the field.
 */
public sealed interface RatingResult {
  /** The status the API answers. */
  enum Status {
    RATED,
    DUPLICATE,
    REJECTED
  }

  String callId();

  Status status();

  /** Pool minutes the call used. */
  int poolMinutes();

  /** What the wallet was charged, zero when the pools covered it or it was rejected. */
  Money charge();

  /** Which lots paid the charge; a null lot is the part that took the balance below zero. */
  List<ChargeResult.LotPayment> fundedBy();

  /** Why the record was rejected; null otherwise. */
  default String error() {
    return null;
  }

  /** Rated and, when it cost anything, charged in this batch. */
  record Rated(String callId, int poolMinutes, Money charge, List<ChargeResult.LotPayment> fundedBy)
      implements RatingResult {
    public Rated {
      Objects.requireNonNull(charge, "charge");
      fundedBy = List.copyOf(fundedBy);
    }

    @Override
    public Status status() {
      return Status.RATED;
    }
  }

  /** Seen before: the call id is the idempotency key, so the first result answers again. */
  record Duplicate(Rated first) implements RatingResult {
    public Duplicate {
      Objects.requireNonNull(first, "first");
    }

    @Override
    public String callId() {
      return first.callId();
    }

    @Override
    public Status status() {
      return Status.DUPLICATE;
    }

    @Override
    public int poolMinutes() {
      return first.poolMinutes();
    }

    @Override
    public Money charge() {
      return first.charge();
    }

    @Override
    public List<ChargeResult.LotPayment> fundedBy() {
      return first.fundedBy();
    }
  }

  /** Refused, nothing taken or charged; the reason names the field. */
  record Rejected(String callId, String error, SupportedCurrency currency) implements RatingResult {
    public Rejected {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(currency, "currency");
    }

    @Override
    public Status status() {
      return Status.REJECTED;
    }

    @Override
    public int poolMinutes() {
      return 0;
    }

    @Override
    public Money charge() {
      return Money.zero(currency);
    }

    @Override
    public List<ChargeResult.LotPayment> fundedBy() {
      return List.of();
    }
  }
}
