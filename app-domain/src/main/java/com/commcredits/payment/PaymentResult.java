package com.commcredits.payment;

/**
 * The gateway's answer: the outcome, its reference for the payment, and a reason a person can read.
 */
public record PaymentResult(PaymentOutcome outcome, String reference, String message) {
  public boolean approved() {
    return outcome == PaymentOutcome.APPROVED;
  }

  public boolean refused() {
    return outcome == PaymentOutcome.DECLINED || outcome == PaymentOutcome.EXPIRED_CARD;
  }
}
