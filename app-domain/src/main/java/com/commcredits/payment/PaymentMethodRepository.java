package com.commcredits.payment;

import java.util.List;
import java.util.Optional;

/** An organisation's payment methods and its EA billing lines. */
public interface PaymentMethodRepository {
  Optional<PaymentMethod> find(long organisationId, long id);

  /** The methods not removed, cards first, newest first. */
  List<PaymentMethod> listActive(long organisationId);

  PaymentMethod add(PaymentMethod method);

  void addBillingLine(EaBillingLine line);

  List<EaBillingLine> billingLines(long organisationId);
}
