package com.commcredits.payment;

import com.commcredits.shared.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one check of what an admin chose to pay with (R-PAY-1): an active payment method of their
 * organisation and, only with an Enterprise Agreement, a well-formed purchase order number.
 */
@ApplicationScoped
public class PaymentChoice {
  @Inject PaymentMethodRepository methods;

  /** A purchase order as typed: stripped, or null when blank. */
  public static String purchaseOrder(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }

  /**
   * Adds to {@code v} what is wrong with the choice; returns the method when it is one of the
   * organisation's active ones, otherwise null.
   */
  public PaymentMethod check(
      Validator v, long organisationId, Long paymentMethodId, String purchaseOrder) {
    PaymentMethod method =
        paymentMethodId == null
            ? null
            : methods
                .find(organisationId, paymentMethodId)
                .filter(PaymentMethod::isActive)
                .orElse(null);
    v.check(
        method != null, "paymentMethodId", "Choose one of your organisation's payment methods.");
    String po = purchaseOrder(purchaseOrder);
    if (method != null && po != null) {
      v.check(
          method.isEnterpriseAgreement(),
          "purchaseOrder",
          "A purchase order goes with an Enterprise Agreement.");
      v.check(
          PaymentMethod.PURCHASE_ORDER.matcher(po).matches(),
          "purchaseOrder",
          "A PO number has 1 to 30 letters, digits, dots, dashes or slashes.");
    }
    return method;
  }
}
