package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.commcredits.shared.AccessDeniedException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionTest {
  private static Set<Permission> of(Role role) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    for (Permission p : Permission.values()) {
      if (p.grantedTo(Set.of(role))) {
        granted.add(p);
      }
    }
    return granted;
  }

  @Test
  void R_SEC_1_each_role_gets_exactly_its_part_of_the_admin_center() {
    assertEquals(EnumSet.of(Permission.VIEW_HOME, Permission.MANAGE_USERS, Permission.MANAGE_BILLING,
        Permission.VIEW_REPORTS, Permission.MANAGE_SETTINGS), of(Role.GLOBAL_ADMIN));
    assertEquals(EnumSet.of(Permission.VIEW_HOME, Permission.MANAGE_BILLING, Permission.VIEW_REPORTS),
        of(Role.BILLING_ADMIN));
    assertEquals(EnumSet.of(Permission.VIEW_HOME, Permission.MANAGE_USERS), of(Role.USER_ADMIN));
    assertEquals(EnumSet.of(Permission.VIEW_HOME, Permission.VIEW_REPORTS), of(Role.REPORTS_READER));
    assertEquals(EnumSet.of(Permission.USE_TELEPHONY), of(Role.PLATFORM));
  }

  @Test
  void R_SEC_1_a_caller_without_the_permission_is_refused() {
    Caller reader = new Caller(1, Caller.ActorType.ADMIN, 2, "reader", Set.of(Role.REPORTS_READER));
    assertThrows(AccessDeniedException.class, () -> reader.require(Permission.MANAGE_BILLING));
    reader.require(Permission.VIEW_REPORTS);
  }
}
