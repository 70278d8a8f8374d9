package com.commcredits.payment;

/** The gateway's answer to a charge: paid, refused (with a reason), or not known yet. */
public enum PaymentOutcome {
  APPROVED,
  DECLINED,
  EXPIRED_CARD,
  /** The call timed out: the payment may or may not have happened; ask again later. */
  UNKNOWN,
  /** The gateway has no payment under that key: it never reached it. */
  NOT_FOUND
}
