package com.commcredits.guard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The toll-fraud brake's rows: its settings, the international spend buckets, its trips. */
public interface BrakeRepository {
  /** International spend of the buckets from {@code from} (exclusive) to {@code to}. */
  BigDecimal internationalBetween(long organisationId, Instant from, Instant to);

  /** The brake's settings; {@link SpendControls#DEFAULT} when never saved. */
  SpendControls controls(long organisationId);

  void saveControls(long organisationId, SpendControls controls, Instant at);

  /** Records a trip and returns it with its id. */
  BrakeTrip addTrip(BrakeTrip trip);

  Optional<BrakeTrip> lastTrip(long organisationId);

  /** An international call a user placed that the wallet paid, as Home lists them. */
  record TrippingCall(
      String callId, String userUpn, String to, Instant endedAt, BigDecimal charge) {}

  /**
   * The most expensive international wallet-paid calls that ended in the window, at most {@code
   * limit}.
   */
  List<TrippingCall> internationalCalls(long organisationId, Instant from, Instant to, int limit);
}
