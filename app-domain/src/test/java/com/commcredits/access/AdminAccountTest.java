package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.shared.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lockout of R-SEC-1 (5 failures within 15 minutes lock for 15 minutes) and the account's
 * invariants.
 */
class AdminAccountTest {
  private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

  private static AdminAccount account() {
    return new AdminAccount(
        1, " Admin@Contoso.Example ", " Megan ", "hash", Set.of(Role.GLOBAL_ADMIN), T0);
  }

  private static Instant at(int minutes, int seconds) {
    return T0.plus(Duration.ofMinutes(minutes).plusSeconds(seconds));
  }

  /** Fails four times, one minute apart from {@code start}; none of them may lock. */
  private static void failFourTimes(AdminAccount account, Instant start) {
    for (int i = 0; i < 4; i++) {
      assertFalse(
          account.recordFailedSignIn(start.plus(Duration.ofMinutes(i))),
          "failure " + (i + 1) + " locked");
    }
  }

  @Test
  void R_SEC_1_four_failed_sign_ins_do_not_lock_the_account() {
    AdminAccount a = account();
    failFourTimes(a, T0);
    assertFalse(a.isLocked(at(3, 0)));
    assertNull(a.lockedUntil());
  }

  @Test
  void
      R_SEC_1_five_failed_sign_ins_within_fifteen_minutes_lock_the_account_for_exactly_fifteen_minutes() {
    AdminAccount a = account();
    failFourTimes(a, T0);
    Instant fifth = at(14, 59);

    assertTrue(a.recordFailedSignIn(fifth), "the fifth failure within the window locks");
    assertEquals(fifth.plus(Duration.ofMinutes(15)), a.lockedUntil());
    assertTrue(a.isLocked(fifth));
    assertTrue(a.isLocked(fifth.plus(Duration.ofMinutes(14)).plusSeconds(59)));
    assertFalse(
        a.isLocked(fifth.plus(Duration.ofMinutes(15))), "the lock ends exactly 15 minutes later");
  }

  @Test
  void R_SEC_1_a_failure_fifteen_minutes_old_no_longer_counts() {
    AdminAccount a = account();
    failFourTimes(a, T0);

    assertFalse(
        a.recordFailedSignIn(at(15, 0)),
        "15 minutes after the first failure is outside its window");
    for (int i = 1; i <= 3; i++) {
      assertFalse(a.recordFailedSignIn(at(15 + i, 0)), "failure " + (i + 1) + " of the new window");
    }
    assertTrue(a.recordFailedSignIn(at(19, 0)), "the fifth failure of the new window locks");
  }

  @Test
  void R_SEC_1_five_failures_within_fifteen_minutes_lock_even_across_the_first_failures_window() {
    AdminAccount a = account();
    assertFalse(a.recordFailedSignIn(at(0, 0)));
    for (Instant when : new Instant[] {at(14, 0), at(14, 30), at(15, 0), at(15, 30)}) {
      assertFalse(a.recordFailedSignIn(when));
    }
    assertTrue(
        a.recordFailedSignIn(at(16, 0)), "14:00 to 16:00 holds five failures within 15 minutes");
  }

  @Test
  void R_SEC_1_failures_spread_over_more_than_fifteen_minutes_never_lock() {
    AdminAccount a = account();
    for (int i = 0; i < 12; i++) {
      Instant when = T0.plus(Duration.ofMinutes(4L * i));
      assertFalse(a.recordFailedSignIn(when), "failure " + (i + 1));
      assertFalse(a.isLocked(when));
    }
  }

  @Test
  void R_SEC_1_a_successful_sign_in_resets_the_failure_count() {
    AdminAccount a = account();
    failFourTimes(a, T0);
    a.recordSuccessfulSignIn(at(5, 0));
    assertEquals(at(5, 0), a.lastSignInAt());

    failFourTimes(a, at(6, 0));
    assertTrue(a.recordFailedSignIn(at(10, 0)), "only the failures after the success count");
  }

  @Test
  void R_SEC_1_unlock_lifts_the_lock_and_forgets_the_failures() {
    AdminAccount a = account();
    failFourTimes(a, T0);
    assertTrue(a.recordFailedSignIn(at(4, 0)));

    a.unlock();
    assertFalse(a.isLocked(at(4, 1)));
    assertNull(a.lockedUntil());
    failFourTimes(a, at(5, 0));
  }

  @Test
  void R_SEC_1_an_admin_needs_at_least_one_role() {
    AdminAccount a = account();
    assertThrows(IllegalArgumentException.class, () -> a.changeRoles(Set.of()));
    assertThrows(IllegalArgumentException.class, () -> a.changeRoles(null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AdminAccount(1, "x@contoso.example", "X", "hash", Set.of(), T0));
    assertEquals(Set.of(Role.GLOBAL_ADMIN), a.roles(), "a refused change keeps the roles");
  }

  @Test
  void R_SEC_1_the_platform_role_is_for_API_keys_only_never_for_an_admin() {
    AdminAccount a = account();
    assertThrows(IllegalArgumentException.class, () -> a.changeRoles(Set.of(Role.PLATFORM)));
    assertThrows(
        IllegalArgumentException.class,
        () -> a.changeRoles(EnumSet.of(Role.USER_ADMIN, Role.PLATFORM)));
    assertEquals(Set.of(Role.GLOBAL_ADMIN), a.roles());
  }

  @Test
  void R_SEC_1_changing_roles_replaces_them() {
    AdminAccount a = account();
    a.changeRoles(EnumSet.of(Role.BILLING_ADMIN, Role.REPORTS_READER));
    assertEquals(Set.of(Role.BILLING_ADMIN, Role.REPORTS_READER), a.roles());
    assertThrows(UnsupportedOperationException.class, () -> a.roles().add(Role.GLOBAL_ADMIN));
  }

  @Test
  void R_SEC_1_the_sign_in_email_is_trimmed_and_lower_case_in_every_locale() {
    assertEquals("admin@contoso.example", account().email());
    assertEquals("Megan", account().displayName());
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertEquals(
          "it@contoso.example", AdminAccount.normaliseEmail("IT@CONTOSO.EXAMPLE"), "no dotless i");
    } finally {
      Locale.setDefault(before);
    }
  }
}
