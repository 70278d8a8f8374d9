package com.commcredits.wallet;

import com.commcredits.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to charge a wallet: the amount, what it is for, and the idempotency key that makes a
 * repeat return the first result (R-FUND-7), e.g. "call:&lt;call id&gt;".
 */
public record Charge(
    Money amount, String idempotencyKey, String reference, String description, Instant occurredAt) {
  public Charge {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
