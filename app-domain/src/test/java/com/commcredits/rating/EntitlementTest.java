package com.commcredits.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.catalog.PoolKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pool a call draws on and whether the caller may (R-POOL-2, R-RATE-3). */
class EntitlementTest {
  private static final PhoneNumber SEATTLE = new PhoneNumber("+12065550100");
  private static final PhoneNumber TORONTO = new PhoneNumber("+14165550100");
  private static final PhoneNumber LONDON = new PhoneNumber("+442079460000");

  @Test
  void R_POOL_2_a_call_in_the_callers_country_or_between_US_and_CA_is_domestic() {
    assertEquals(PoolKind.DOMESTIC, Entitlement.poolKind(CallKind.OUTBOUND, "US", SEATTLE));
    assertEquals(PoolKind.DOMESTIC, Entitlement.poolKind(CallKind.OUTBOUND, "US", TORONTO));
    assertEquals(PoolKind.DOMESTIC, Entitlement.poolKind(CallKind.OUTBOUND, "CA", SEATTLE));
    assertEquals(PoolKind.DOMESTIC, Entitlement.poolKind(CallKind.OUTBOUND, "GB", LONDON));
    assertEquals(PoolKind.INTERNATIONAL, Entitlement.poolKind(CallKind.OUTBOUND, "US", LONDON));
    assertEquals(PoolKind.INTERNATIONAL, Entitlement.poolKind(CallKind.OUTBOUND, "GB", SEATTLE));
  }

  @Test
  void R_RATE_3_conference_dial_out_draws_on_the_conferencing_pool_wherever_it_goes() {
    assertEquals(
        PoolKind.CONFERENCING_DIAL_OUT,
        Entitlement.poolKind(CallKind.CONFERENCE_DIAL_OUT, "US", LONDON));
    assertEquals(
        PoolKind.CONFERENCING_DIAL_OUT,
        Entitlement.poolKind(CallKind.CONFERENCE_DIAL_OUT, "US", SEATTLE));
  }

  @Test
  void R_RATE_3_each_pool_needs_its_plan() {
    Set<String> businessVoice =
        Set.of("BUSINESS_VOICE", "PHONE_SYSTEM", "DOMESTIC_CALLING_PLAN", "AUDIO_CONFERENCING");
    assertTrue(Entitlement.entitled(PoolKind.DOMESTIC, businessVoice));
    assertFalse(Entitlement.entitled(PoolKind.INTERNATIONAL, businessVoice));
    assertTrue(Entitlement.entitled(PoolKind.CONFERENCING_DIAL_OUT, businessVoice));
    Set<String> both = Set.of("PHONE_SYSTEM", "DOMESTIC_INTERNATIONAL_CALLING_PLAN");
    assertTrue(Entitlement.entitled(PoolKind.DOMESTIC, both));
    assertTrue(Entitlement.entitled(PoolKind.INTERNATIONAL, both));
    assertFalse(Entitlement.entitled(PoolKind.CONFERENCING_DIAL_OUT, both));
    Set<String> internationalOnly = Set.of("PHONE_SYSTEM", "INTERNATIONAL_CALLING_PLAN");
    assertFalse(Entitlement.entitled(PoolKind.DOMESTIC, internationalOnly));
    assertTrue(Entitlement.entitled(PoolKind.INTERNATIONAL, internationalOnly));
    assertFalse(
        Entitlement.entitled(PoolKind.DOMESTIC, Set.of("PHONE_SYSTEM", "COMMUNICATIONS_CREDITS")),
        "credits are not minutes");
  }
}
