package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** PBKDF2 hashing of admin passwords. Each hash costs 210,000 iterations, so one is shared. */
class PasswordHasherTest {
  private static final String PASSWORD = "Demo-2026!";
  private static final String STORED = PasswordHasher.hash(PASSWORD.toCharArray());

  @Test
  void R_SEC_1_a_hashed_password_verifies() {
    assertTrue(PasswordHasher.verify(PASSWORD.toCharArray(), STORED));
  }

  @Test
  void R_SEC_1_a_wrong_password_does_not_verify() {
    assertFalse(PasswordHasher.verify("Demo-2026?".toCharArray(), STORED));
  }

  @Test
  void R_SEC_1_two_hashes_of_the_same_password_differ_because_each_has_its_own_salt() {
    String again = PasswordHasher.hash(PASSWORD.toCharArray());
    assertNotEquals(STORED, again);
    assertNotEquals(STORED.split("\\$")[2], again.split("\\$")[2], "the salts differ");
  }

  @Test
  void R_SEC_1_the_stored_form_names_the_algorithm_and_iterations_and_never_holds_the_password() {
    assertTrue(STORED.startsWith("pbkdf2-sha512$210000$"), STORED);
    assertEquals(4, STORED.split("\\$").length, "algorithm$iterations$salt$key");
    assertFalse(STORED.contains(PASSWORD));
  }

  @Test
  void R_SEC_1_the_iterations_are_part_of_the_hash() {
    String[] parts = STORED.split("\\$");
    String fewerIterations = parts[0] + "$1$" + parts[2] + "$" + parts[3];
    assertFalse(PasswordHasher.verify(PASSWORD.toCharArray(), fewerIterations));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "plain-text",
        "md5$1$c2FsdA$a2V5",
        "pbkdf2-sha512$210000$c2FsdA",
        "pbkdf2-sha512$210000$c2FsdA$a2V5$extra",
        "pbkdf2-sha512$many$c2FsdA$a2V5",
        "pbkdf2-sha512$99999999999$c2FsdA$a2V5",
        "pbkdf2-sha512$0$c2FsdA$a2V5",
        "pbkdf2-sha512$-5$c2FsdA$a2V5",
        "pbkdf2-sha512$210000$not base64!$a2V5",
        "pbkdf2-sha512$1$c2FsdA$%%%",
        "pbkdf2-sha512$210000$$a2V5"
      })
  void R_SEC_1_a_damaged_stored_value_verifies_false_instead_of_failing(String stored) {
    assertFalse(PasswordHasher.verify(PASSWORD.toCharArray(), stored));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Short1!", "Abcdef-12"})
  void R_SEC_1_a_new_password_shorter_than_ten_characters_is_refused(String password) {
    assertEquals("The password must be at least 10 characters.", PasswordHasher.weakness(password));
  }

  @ParameterizedTest
  @ValueSource(strings = {"onlylettersherE", "Passwordpassword", "ÄÖÜäöüßéèà"})
  void R_SEC_1_a_new_password_of_letters_only_is_refused(String password) {
    assertEquals(
        "The password must contain a digit or a symbol.", PasswordHasher.weakness(password));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Long-enough-1", "abcdefghi1", "correct horse battery staple"})
  void R_SEC_1_a_long_password_with_a_digit_or_symbol_is_accepted(String password) {
    assertNull(PasswordHasher.weakness(password));
  }
}
