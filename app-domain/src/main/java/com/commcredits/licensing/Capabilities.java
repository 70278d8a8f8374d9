package com.commcredits.licensing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a set of assigned SKUs lets a user do, bundles included (Business Voice brings Phone System,
 * a Domestic Calling Plan and Audio Conferencing), and the dependency rules of R-LIC-2.
 */
public final class Capabilities {
  public static final String PHONE_SYSTEM = "PHONE_SYSTEM";
  public static final String AUDIO_CONFERENCING = "AUDIO_CONFERENCING";
  public static final String COMMUNICATIONS_CREDITS = "COMMUNICATIONS_CREDITS";
  static final Set<String> CALLING_PLANS =
      Set.of(
          "DOMESTIC_CALLING_PLAN",
          "DOMESTIC_INTERNATIONAL_CALLING_PLAN",
          "INTERNATIONAL_CALLING_PLAN");

  private Capabilities() {}

  /** The SKUs held, plus what the bundles among them include. */
  public static Set<String> effective(Set<String> assigned, Map<String, Set<String>> inclusions) {
    Set<String> all = new HashSet<>(assigned);
    for (String sku : assigned) {
      all.addAll(inclusions.getOrDefault(sku, Set.of()));
    }
    return all;
  }

  /**
   * Why adding {@code sku} to a user holding {@code assigned} is refused, or empty when it may be
   * added.
   */
  public static Optional<String> missingFor(
      String sku,
      Set<String> assigned,
      Map<String, Set<String>> inclusions,
      Map<String, String> names) {
    Set<String> held = effective(assigned, inclusions);
    if (CALLING_PLANS.contains(sku) && !held.contains(PHONE_SYSTEM)) {
      return Optional.of(
          names.get(sku)
              + " needs Phone System: assign "
              + names.get(PHONE_SYSTEM)
              + " (or Business Voice) first.");
    }
    if (COMMUNICATIONS_CREDITS.equals(sku)
        && !held.contains(PHONE_SYSTEM)
        && !held.contains(AUDIO_CONFERENCING)) {
      return Optional.of(
          names.get(sku) + " needs Phone System or Audio Conferencing: assign one of them first.");
    }
    return Optional.empty();
  }

  /**
   * Why removing {@code sku} is refused because another assigned licence depends on it, or empty.
   */
  public static Optional<String> dependentOn(
      String sku,
      Set<String> assigned,
      Map<String, Set<String>> inclusions,
      Map<String, String> names) {
    Set<String> remaining = new HashSet<>(assigned);
    remaining.remove(sku);
    for (String other : List.copyOf(remaining)) {
      Set<String> without = new HashSet<>(remaining);
      without.remove(other);
      Optional<String> missing = missingFor(other, without, inclusions, names);
      if (missing.isPresent()
          && missingFor(
                  other,
                  assigned.stream().filter(s -> !s.equals(other)).collect(Collectors.toSet()),
                  inclusions,
                  names)
              .isEmpty()) {
        return Optional.of(
            names.get(other)
                + " depends on "
                + names.get(sku)
                + ": remove "
                + names.get(other)
                + " first.");
      }
    }
    return Optional.empty();
  }
}
