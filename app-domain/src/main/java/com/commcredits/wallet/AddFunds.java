package com.commcredits.wallet;

import java.util.UUID;

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
    String idempotencyKey) {

  /** An empty form under a key of its own (R-FUND-7: one funding per form). */
  public static AddFunds blankForm() {
    return new AddFunds("", null, null, "", UUID.randomUUID().toString());
  }

  /**
   * The same values under a new key: the form shown again after this one was refused or its key was
   * used for other values, so that sending it again is a new request.
   */
  public AddFunds withNewKey() {
    return new AddFunds(amount, null, paymentMethodId, purchaseOrder, UUID.randomUUID().toString());
  }
}
