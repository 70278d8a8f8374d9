package com.commcredits.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One run as stored: who started it, how far it got and what it counted. */
public record ReconciliationRun(
    long id,
    RunMode mode,
    RunStatus status,
    String startedBy,
    LocalDate timerDate,
    Long jobExecutionId,
    Instant startedAt,
    Instant finishedAt,
    int partitionsTotal,
    int partitionsDone,
    long walletsChecked,
    long entriesChecked,
    int lotsExpired,
    int paymentsSettled,
    int findings,
    String error) {

  /** How long it ran (so far, while running). */
  public Duration duration(Instant now) {
    return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
  }

  /** Partitions done of all, 0–100; a finished run is 100. */
  public int percent() {
    if (status == RunStatus.COMPLETED) {
      return 100;
    }
    return partitionsTotal == 0 ? 0 : Math.min(100, partitionsDone * 100 / partitionsTotal);
  }

  public boolean running() {
    return status == RunStatus.RUNNING;
  }
}
