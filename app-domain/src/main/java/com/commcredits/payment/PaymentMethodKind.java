package com.commcredits.payment;

/**
 * A card paid through the gateway, or an Enterprise Agreement invoiced against a purchase order.
 */
public enum PaymentMethodKind {
  CARD,
  ENTERPRISE_AGREEMENT
}
