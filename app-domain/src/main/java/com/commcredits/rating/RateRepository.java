package com.commcredits.rating;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Published rate cards and toll-free numbers. */
public interface RateRepository {
  /** The published plan of a currency. */
  RatePlan plan(String currency);

  /** The organisation owning a toll-free number, if any. */
  Optional<Long> tollFreeOwner(String number);

  void addTollFree(long organisationId, String number, Instant at);

  /** The published card of a currency with its lines, read fresh from the database. */
  Optional<RateCard> card(String currency);

  /**
   * Locks a card's header row until the transaction ends, so two replacements run one after the
   * other.
   */
  void lockCard(long cardId);

  /**
   * Replaces all lines of a card and its publication time; rating sees the new lines at once on
   * this server.
   */
  void replace(long cardId, List<RateLine> lines, Instant publishedAt);
}
