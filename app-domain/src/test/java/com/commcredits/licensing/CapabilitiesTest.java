package com.commcredits.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What licences let a user do, bundles included (R-LIC-2, R-LIC-3). */
class CapabilitiesTest {
  static final Map<String, Set<String>> INCLUSIONS =
      Map.of(
          "BUSINESS_VOICE",
          Set.of("PHONE_SYSTEM", "DOMESTIC_CALLING_PLAN", "AUDIO_CONFERENCING"),
          "BUSINESS_VOICE_NO_CALLING_PLAN",
          Set.of("PHONE_SYSTEM", "AUDIO_CONFERENCING"));
  private static final Map<String, String> NAMES =
      Map.of(
          "PHONE_SYSTEM", "Phone System",
          "DOMESTIC_CALLING_PLAN", "Domestic Calling Plan",
          "COMMUNICATIONS_CREDITS", "Communications Credits",
          "AUDIO_CONFERENCING", "Audio Conferencing");

  @Test
  void R_LIC_3_a_bundle_brings_what_it_includes_but_never_Communications_Credits() {
    Set<String> held = Capabilities.effective(Set.of("BUSINESS_VOICE"), INCLUSIONS);
    assertEquals(
        Set.of("BUSINESS_VOICE", "PHONE_SYSTEM", "DOMESTIC_CALLING_PLAN", "AUDIO_CONFERENCING"),
        held);
    assertFalse(held.contains(Capabilities.COMMUNICATIONS_CREDITS));
    assertTrue(
        Capabilities.effective(Set.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS"), INCLUSIONS)
            .contains(Capabilities.COMMUNICATIONS_CREDITS));
  }

  @Test
  void R_LIC_2_Communications_Credits_needs_Phone_System_or_Audio_Conferencing() {
    assertTrue(
        Capabilities.missingFor("COMMUNICATIONS_CREDITS", Set.of(), INCLUSIONS, NAMES).isPresent());
    assertEquals(
        Optional.empty(),
        Capabilities.missingFor(
            "COMMUNICATIONS_CREDITS", Set.of("AUDIO_CONFERENCING"), INCLUSIONS, NAMES));
    assertEquals(
        Optional.empty(),
        Capabilities.missingFor(
            "COMMUNICATIONS_CREDITS", Set.of("BUSINESS_VOICE_NO_CALLING_PLAN"), INCLUSIONS, NAMES));
    assertTrue(
        Capabilities.missingFor("DOMESTIC_CALLING_PLAN", Set.of(), INCLUSIONS, NAMES).isPresent());
  }

  @Test
  void R_LIC_2_removing_what_another_licence_needs_is_refused() {
    Set<String> assigned = Set.of("PHONE_SYSTEM", "COMMUNICATIONS_CREDITS");
    assertTrue(
        Capabilities.dependentOn("PHONE_SYSTEM", assigned, INCLUSIONS, NAMES)
            .orElseThrow()
            .startsWith("Communications Credits depends on Phone System"));
    assertEquals(
        Optional.empty(),
        Capabilities.dependentOn("COMMUNICATIONS_CREDITS", assigned, INCLUSIONS, NAMES));
  }
}
