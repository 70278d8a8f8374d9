package com.commcredits.rating;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A rate card's lines in force, searched by longest matching prefix per call kind (R-RATE-1). */
public final class RatePlan {
  private final List<Rate> rates;

  public RatePlan(List<Rate> rates) {
    this.rates =
        rates.stream()
            .sorted(Comparator.comparingInt((Rate r) -> r.prefix().length()).reversed())
            .toList();
  }

  /**
   * The rate for a number: for outbound and dial-out the destination, for toll-free inbound the
   * caller.
   */
  public Optional<Rate> rateFor(CallKind kind, PhoneNumber number, LocalDate day) {
    return rates.stream()
        .filter(r -> r.kind() == kind && number.e164().startsWith(r.prefix()) && r.inForceOn(day))
        .findFirst();
  }
}
