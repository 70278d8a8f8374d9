package com.commcredits.subscription;

/** The lifecycle of a subscription (R-SUB-1). */
public enum SubscriptionStatus {
  ACTIVE,
  DISABLED,
  EXPIRED
}
