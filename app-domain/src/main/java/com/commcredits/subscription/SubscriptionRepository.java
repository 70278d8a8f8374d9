package com.commcredits.subscription;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An organisation's subscriptions. */
public interface SubscriptionRepository {
  List<Subscription> list(long organisationId);

  Subscription add(Subscription subscription);

  Optional<Subscription> find(long organisationId, long id);

  /** Licences purchased per SKU over the active subscriptions. */
  Map<String, Long> purchasedCounts(long organisationId);

  /**
   * Locks the organisation's active subscriptions of a SKU and returns how many licences they hold.
   */
  long lockPurchased(long organisationId, String sku);

  /** The charge recorded under an organisation's request key, if that request was seen. */
  Optional<SubscriptionCharge> chargeByKey(long organisationId, String requestKey);

  SubscriptionCharge addCharge(SubscriptionCharge charge);
}
