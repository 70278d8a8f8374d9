package com.commcredits.wallet;

/**
 * A request to add funds as a form or the API sends it: the amount as typed, the currency when the
 * client names one, the payment method, an optional purchase order (EA only), and the idempotency
 * key.
 */
public record AddFunds(
    String amount,
    String currency,
    Long paymentMethodId,
    String purchaseOrder,
    String idempotencyKey) {}
