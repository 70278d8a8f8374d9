package com.commcredits.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A wallet's low-balance alert thresholds (R-GUARD-4). */
public interface LowBalanceAlertRepository {
  /** The thresholds, highest first. */
  List<BigDecimal> thresholds(long walletId);

  void replace(long walletId, List<BigDecimal> thresholds, Instant at);
}
