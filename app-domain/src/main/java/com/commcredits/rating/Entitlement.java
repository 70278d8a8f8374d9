package com.commcredits.rating;

import com.commcredits.catalog.PoolKind;
import com.commcredits.licensing.Capabilities;
import com.commcredits.pools.PoolService;
import java.util.Set;

/**
 * Which pool a call draws on and whether the caller's licences entitle them to it (R-RATE-3):
 * domestic calls the domestic pool with a domestic calling plan, international calls the
 * international pool with an international plan, conference dial-out the conferencing pool with
 * Audio Conferencing. One place, for authorisation and rating alike.
 */
public final class Entitlement {
  private static final Set<String> DOMESTIC_PLANS =
      Set.of("DOMESTIC_CALLING_PLAN", "DOMESTIC_INTERNATIONAL_CALLING_PLAN");
  private static final Set<String> INTERNATIONAL_PLANS =
      Set.of("INTERNATIONAL_CALLING_PLAN", "DOMESTIC_INTERNATIONAL_CALLING_PLAN");

  private Entitlement() {}

  public static PoolKind poolKind(CallKind kind, String callerCountry, PhoneNumber to) {
    if (kind == CallKind.CONFERENCE_DIAL_OUT) {
      return PoolKind.CONFERENCING_DIAL_OUT;
    }
    return PoolService.isDomestic(callerCountry, to.country())
        ? PoolKind.DOMESTIC
        : PoolKind.INTERNATIONAL;
  }

  /**
   * @param held the caller's SKUs with what their bundles include
   */
  public static boolean entitled(PoolKind pool, Set<String> held) {
    return switch (pool) {
      case DOMESTIC -> held.stream().anyMatch(DOMESTIC_PLANS::contains);
      case INTERNATIONAL -> held.stream().anyMatch(INTERNATIONAL_PLANS::contains);
      case CONFERENCING_DIAL_OUT -> held.contains(Capabilities.AUDIO_CONFERENCING);
    };
  }
}
