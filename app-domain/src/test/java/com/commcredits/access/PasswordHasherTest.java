package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void R_SEC_1_passwords_are_stored_as_salted_PBKDF2_hashes_that_verify() {
    String hash = PasswordHasher.hash("Demo-2026!".toCharArray());
    assertTrue(hash.startsWith("pbkdf2-sha512$210000$"), hash);
    assertFalse(hash.contains("Demo-2026!"));
    assertTrue(PasswordHasher.verify("Demo-2026!".toCharArray(), hash));
    assertFalse(PasswordHasher.verify("Demo-2026?".toCharArray(), hash));
    assertNotEquals(hash, PasswordHasher.hash("Demo-2026!".toCharArray()), "a new salt every time");
  }

  @Test
  void R_SEC_1_a_malformed_stored_hash_never_verifies() {
    assertFalse(PasswordHasher.verify("x".toCharArray(), null));
    assertFalse(PasswordHasher.verify("x".toCharArray(), "plain-text"));
    assertFalse(PasswordHasher.verify("x".toCharArray(), "md5$1$a$b"));
  }

  @Test
  void new_passwords_must_be_long_and_not_only_letters() {
    assertNotNull(PasswordHasher.weakness(null));
    assertNotNull(PasswordHasher.weakness("Short1!"));
    assertNotNull(PasswordHasher.weakness("onlylettersherE"));
    assertNull(PasswordHasher.weakness("Long-enough-1"));
  }
}
