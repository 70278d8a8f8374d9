package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * API keys of the JSON API: stored as a SHA-256 hash, shown by prefix, revoked once, last use
 * coarse.
 */
class ApiKeyTest {
  private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
  private static final String PLAIN = "cc_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";

  private static ApiKey key() {
    return new ApiKey(7, " Telephony ", PLAIN, Set.of(Role.PLATFORM), "Megan", T0);
  }

  @Test
  void the_stored_hash_is_the_SHA_256_of_the_key_as_64_lower_case_hex_digits() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKey.hash("abc"));
    assertTrue(ApiKey.hash(PLAIN).matches("[0-9a-f]{64}"), ApiKey.hash(PLAIN));
  }

  @Test
  void the_hash_is_stable_so_a_presented_key_finds_its_row() {
    assertEquals(ApiKey.hash(PLAIN), ApiKey.hash(PLAIN));
    assertNotEquals(ApiKey.hash(PLAIN), ApiKey.hash(PLAIN + "x"));
  }

  @Test
  void the_prefix_shown_in_the_list_is_the_first_eight_characters_of_the_key() {
    assertEquals("cc_Zm9vY", key().keyPrefix());
    assertEquals(
        "abc", new ApiKey(7, "short", "abc", Set.of(Role.PLATFORM), "Megan", T0).keyPrefix());
    assertFalse(key().describe().contains(PLAIN), "the plain key is never written down");
    assertEquals("Telephony", key().name());
  }

  @Test
  void revoking_records_the_first_time_and_a_second_revoke_keeps_it() {
    ApiKey key = key();
    assertFalse(key.isRevoked());
    key.revoke("Megan", T0.plusSeconds(60));
    key.revoke("Adele", T0.plusSeconds(120));
    assertTrue(key.isRevoked());
    assertEquals(T0.plusSeconds(60), key.revokedAt());
  }

  @Test
  void last_use_is_written_at_most_once_a_minute() {
    assertEquals(Duration.ofMinutes(1), ApiKey.LAST_USE_RESOLUTION);
    ApiKey key = key();
    assertNull(key.lastUsedAt());

    assertTrue(key.touch(T0), "the first use is written");
    assertFalse(key.touch(T0.plusSeconds(30)));
    assertFalse(key.touch(T0.plusSeconds(59).plusMillis(999)));
    assertEquals(T0, key.lastUsedAt(), "uses within the minute are not written");

    assertTrue(key.touch(T0.plusSeconds(60)), "a minute later the time moves");
    assertEquals(T0.plusSeconds(60), key.lastUsedAt());
  }

  @Test
  void R_SEC_1_an_API_key_needs_at_least_one_role() {
    assertThrows(
        IllegalArgumentException.class, () -> new ApiKey(7, "none", PLAIN, Set.of(), "Megan", T0));
    assertThrows(
        IllegalArgumentException.class, () -> new ApiKey(7, "none", PLAIN, null, "Megan", T0));
  }

  @Test
  void R_SEC_1_a_key_carries_the_roles_it_was_given_and_hands_out_a_copy() {
    ApiKey key =
        new ApiKey(
            7, "reports", PLAIN, Set.of(Role.REPORTS_READER, Role.BILLING_ADMIN), "Megan", T0);
    assertEquals(Set.of(Role.REPORTS_READER, Role.BILLING_ADMIN), key.roles());
    assertThrows(UnsupportedOperationException.class, () -> key.roles().add(Role.GLOBAL_ADMIN));
  }
}
