package com.commcredits.rating;

import java.util.Optional;

/** Published rate cards and toll-free numbers. */
public interface RateRepository {
  /** The published plan of a currency. */
  RatePlan plan(String currency);

  /** The organisation owning a toll-free number, if any. */
  Optional<Long> tollFreeOwner(String number);

  void addTollFree(long organisationId, String number, java.time.Instant at);
}
