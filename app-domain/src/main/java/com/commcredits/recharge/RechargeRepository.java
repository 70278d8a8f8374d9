package com.commcredits.recharge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Auto-recharge settings and attempts. */
public interface RechargeRepository {
  Optional<AutoRecharge> settings(long walletId);

  Optional<AutoRecharge> lockSettings(long walletId);

  AutoRecharge add(AutoRecharge settings);

  boolean hasAttemptInFlight(long walletId);

  /** Attempts started since the given time (the 24-hour cap). */
  long attemptsSince(long walletId, Instant since);

  Optional<RechargeAttempt> lastFinished(long walletId);

  RechargeAttempt add(RechargeAttempt attempt);

  /** Money of the attempts created since {@code since} that succeeded or are still in flight. */
  java.math.BigDecimal rechargedSince(long walletId, Instant since);

  /** The attempt's wallet by a plain read (no lock), to lock in order before the attempt. */
  Optional<Long> walletOfAttempt(long attemptId);

  Optional<RechargeAttempt> lockAttempt(long id);

  /** Attempts still PENDING or PROCESSING that were created before the given time. */
  List<Long> stalledAttempts(Instant createdBefore);

  /** Wallets with active auto-recharge whose balance is below the trigger. */
  List<Long> walletsBelowTrigger();

  List<RechargeAttempt> recent(long walletId, int limit);

  /** How many attempts each status holds, across all wallets (for monitoring). */
  Map<RechargeAttempt.Status, Long> countsByStatus();
}
