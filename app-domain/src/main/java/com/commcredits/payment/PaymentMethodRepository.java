package com.commcredits.payment;

import java.math.BigDecimal;
import java.time.Instant;
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

  /** What was billed on an EA number of the organisation in [from, to). */
  BigDecimal billedOn(long organisationId, String eaNumber, Instant from, Instant to);

  Optional<EaAgreement> agreement(long organisationId, String eaNumber);

  /** The organisation's registered agreements, by EA number. */
  List<EaAgreement> agreements(long organisationId);

  EaAgreement addAgreement(EaAgreement agreement);
}
