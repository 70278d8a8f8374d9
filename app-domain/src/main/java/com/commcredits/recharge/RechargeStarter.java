package com.commcredits.recharge;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Starts an attempt on another thread, right after the transaction that recorded it committed. */
@Stateless
public class RechargeStarter {
  @Inject RechargeProcessor processor;

  @Asynchronous
  public void start(long attemptId) {
    processor.process(attemptId);
  }
}
