package com.commcredits.subscription;

import java.util.List;

/** An organisation's subscriptions. */
public interface SubscriptionRepository {
  List<Subscription> list(long organisationId);

  Subscription add(Subscription subscription);
}
