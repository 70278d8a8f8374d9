package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminAccountTest {
  private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

  private static AdminAccount account() {
    return new AdminAccount(1, " Admin@Contoso.Example ", "Megan", "hash", Set.of(Role.GLOBAL_ADMIN), T0);
  }

  @Test
  void R_SEC_1_five_failed_sign_ins_within_fifteen_minutes_lock_the_account_for_fifteen_minutes() {
    AdminAccount a = account();
    for (int i = 0; i < 4; i++) {
      assertFalse(a.recordFailedSignIn(T0.plus(Duration.ofMinutes(i * 3))), "failure " + (i + 1) + " does not lock");
    }
    Instant fifth = T0.plus(Duration.ofMinutes(14));
    assertTrue(a.recordFailedSignIn(fifth));
    assertTrue(a.isLocked(fifth.plus(Duration.ofMinutes(14)).plusSeconds(59)));
    assertFalse(a.isLocked(fifth.plus(Duration.ofMinutes(15))), "the lock lasts exactly 15 minutes");
  }

  @Test
  void R_SEC_1_failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
    AdminAccount a = account();
    for (int i = 0; i < 10; i++) {
      assertFalse(a.recordFailedSignIn(T0.plus(Duration.ofMinutes(i * 4L))), "failure " + (i + 1));
    }
  }

  @Test
  void R_SEC_1_a_successful_sign_in_forgives_earlier_failures() {
    AdminAccount a = account();
    for (int i = 0; i < 4; i++) {
      a.recordFailedSignIn(T0.plusSeconds(i));
    }
    a.recordSuccessfulSignIn(T0.plusSeconds(10));
    assertFalse(a.recordFailedSignIn(T0.plusSeconds(20)), "the count started again");
    assertEquals(T0.plusSeconds(10), a.lastSignInAt());
  }

  @Test
  void admins_hold_at_least_one_admin_role_and_sign_in_by_lower_case_email() {
    AdminAccount a = account();
    assertEquals("admin@contoso.example", a.email());
    assertThrows(IllegalArgumentException.class, () -> a.changeRoles(Set.of()));
    assertThrows(IllegalArgumentException.class, () -> a.changeRoles(Set.of(Role.PLATFORM)));
    a.unlock();
    assertFalse(a.isLocked(T0));
  }
}
