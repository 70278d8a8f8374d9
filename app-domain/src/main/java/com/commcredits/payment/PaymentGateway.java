package com.commcredits.payment;

import java.math.BigDecimal;

/**
 * The port to the card payment gateway (R-PAY-2). Every charge carries an idempotency key: the same
 * key never pays twice, and a charge whose outcome was unknown is learnt later through {@link
 * #status}.
 */
public interface PaymentGateway {

  /** Shown wherever the gateway appears, e.g. "Sandbox gateway (no real money)". */
  String displayName();

  boolean isSandbox();

  /**
   * Turns card details into a token. The full number goes only here and is never stored or logged.
   *
   * @throws CardRejectedException when the gateway refuses the card, with a reason for the user
   */
  CardToken tokenize(String cardNumber, int expiryMonth, int expiryYear, String cvc);

  PaymentResult charge(
      String idempotencyKey, String token, BigDecimal amount, String currency, String description);

  PaymentResult status(String idempotencyKey);
}
