package com.commcredits.payment;

import com.commcredits.money.Money;
import com.commcredits.shared.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

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

  /**
   * Refuses (on {@code amount}) an EA funding that its agreement's monthly credit limit does not
   * cover: what was billed on the EA number this calendar month (in the organisation's zone) plus
   * this amount may not exceed the limit, and an EA number the operator never registered pays
   * nothing (R-PAY-1). Run under the wallet's lock, so two fundings cannot both pass the check.
   */
  public void checkEaLimit(
      Validator v, PaymentMethod method, Money amount, ZoneId zone, Instant now) {
    if (method == null || !method.isEnterpriseAgreement() || amount == null) {
      return;
    }
    EaAgreement agreement =
        methods.agreement(method.organisationId(), method.eaNumber()).orElse(null);
    if (agreement == null) {
      v.check(
          false,
          "paymentMethodId",
          "EA " + method.eaNumber() + " is not registered for your organisation by the operator.");
      return;
    }
    LocalDate month = now.atZone(zone).toLocalDate().withDayOfMonth(1);
    Money billed =
        Money.of(
            methods.billedOn(
                method.organisationId(),
                method.eaNumber(),
                month.atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atStartOfDay(zone).toInstant()),
            amount.currency());
    Money remaining = agreement.monthlyLimit().minus(billed).max(Money.zero(amount.currency()));
    v.check(
        amount.compareTo(remaining) <= 0,
        "amount",
        "This is more than the monthly credit limit of EA "
            + method.eaNumber()
            + " allows: "
            + remaining.toDisplayString()
            + " "
            + amount.currency()
            + " remains this month.");
  }
}
