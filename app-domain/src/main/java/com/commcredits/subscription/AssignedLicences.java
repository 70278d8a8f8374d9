package com.commcredits.subscription;

/**
 * How many licences of a SKU are assigned in an organisation; licensing provides it, so
 * subscriptions need not know it.
 */
@FunctionalInterface
public interface AssignedLicences {
  long applyAsLong(long organisationId, String sku);
}
