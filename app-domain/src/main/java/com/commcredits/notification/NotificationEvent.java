package com.commcredits.notification;

/** What the billing contacts are told about (R-NOTIFY-1). */
public enum NotificationEvent {
  RECHARGE_SUCCEEDED,
  RECHARGE_FAILED,
  BALANCE_AT_OR_BELOW_ZERO,
  AUTO_RECHARGE_SUSPENDED,
  FUNDS_EXPIRING_30_DAYS,
  FUNDS_EXPIRING_7_DAYS,
  FUNDS_EXPIRED,
  RECONCILIATION_FINDINGS,
  WALLET_ADJUSTED,
  CALL_REFUNDED
}
