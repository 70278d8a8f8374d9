package com.commcredits.rating;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a rate card as an admin reads, exports and imports it (R-RATE-1): a call kind and
 * prefix, the prices, the billing increment and minimum, and the dates it is in force (inclusive;
 * no end date = open). Serializable: an imported card waits in the admin's HTTP session for
 * confirmation, and sessions are written to the database so any server can confirm it.
 */
public record RateLine(
    CallKind kind,
    String prefix,
    String description,
    BigDecimal perMinute,
    BigDecimal connectionFee,
    int incrementSeconds,
    int minimumSeconds,
    LocalDate effectiveFrom,
    LocalDate effectiveTo)
    implements Serializable {

  /** What identifies a line between two versions of a card. */
  public record Key(CallKind kind, String prefix, LocalDate effectiveFrom) {}

  public RateLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
  }

  public static RateLine of(Rate r) {
    return new RateLine(
        r.kind(),
        r.prefix(),
        r.description(),
        r.perMinute(),
        r.connectionFee(),
        r.incrementSeconds(),
        r.minimumSeconds(),
        r.effectiveFrom(),
        r.effectiveTo());
  }

  public Key key() {
    return new Key(kind, prefix, effectiveFrom);
  }

  /** The same line, amounts compared by value (0.02 and 0.0200 are equal). */
  public boolean sameAs(RateLine other) {
    return canonical().equals(other.canonical());
  }

  /** A stable text of the line, for comparing and for a card's digest. */
  public String canonical() {
    return String.join(
        "|",
        kind.name(),
        prefix,
        description,
        plain(perMinute),
        plain(connectionFee),
        String.valueOf(incrementSeconds),
        String.valueOf(minimumSeconds),
        effectiveFrom.toString(),
        effectiveTo == null ? "" : effectiveTo.toString());
  }

  private boolean overlaps(RateLine other) {
    return !(effectiveTo != null && effectiveTo.isBefore(other.effectiveFrom)
        || other.effectiveTo != null && other.effectiveTo.isBefore(effectiveFrom));
  }

  /**
   * Lines of the same kind and prefix whose periods overlap, which would make the price of a day
   * ambiguous: for each, the index of the later line and of the earlier one it clashes with.
   */
  public static List<int[]> overlaps(List<RateLine> lines) {
    Map<String, List<Integer>> byPrefix = new HashMap<>();
    List<int[]> clashes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      RateLine line = lines.get(i);
      List<Integer> earlier =
          byPrefix.computeIfAbsent(line.kind() + line.prefix(), k -> new ArrayList<>());
      for (int j : earlier) {
        if (line.overlaps(lines.get(j))) {
          clashes.add(new int[] {i, j});
          break;
        }
      }
      earlier.add(i);
    }
    return clashes;
  }

  private static String plain(BigDecimal amount) {
    return amount == null
        ? ""
        : amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
  }
}
