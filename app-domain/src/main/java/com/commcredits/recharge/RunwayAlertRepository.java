package com.commcredits.recharge;

import java.time.Instant;
import java.util.Optional;

/** The runway email's setting and state per wallet (R-SEE-1); no row means the defaults. */
public interface RunwayAlertRepository {
  /** The days chosen and whether the runway is below them now. */
  record State(int thresholdDays, boolean below) {}

  Optional<State> find(long walletId);

  /** Writes the wallet's state (inserting its row when it has none). */
  void save(long walletId, State state, Instant at);
}
