package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role table of R-SEC-1, as written in {@link Permission}. */
class PermissionTest {
  private static Set<Permission> grantedTo(Role... roles) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    for (Permission p : Permission.values()) {
      if (p.grantedTo(Set.of(roles))) {
        granted.add(p);
      }
    }
    return granted;
  }

  @Test
  void R_SEC_1_a_global_admin_holds_every_admin_permission_but_not_telephony() {
    assertEquals(
        EnumSet.of(
            Permission.VIEW_HOME,
            Permission.MANAGE_USERS,
            Permission.MANAGE_BILLING,
            Permission.VIEW_REPORTS,
            Permission.MANAGE_SETTINGS),
        grantedTo(Role.GLOBAL_ADMIN));
    assertFalse(Permission.USE_TELEPHONY.grantedTo(Set.of(Role.GLOBAL_ADMIN)));
  }

  @Test
  void R_SEC_1_a_billing_admin_manages_billing_and_reads_reports_but_not_users_or_settings() {
    assertEquals(
        EnumSet.of(Permission.VIEW_HOME, Permission.MANAGE_BILLING, Permission.VIEW_REPORTS),
        grantedTo(Role.BILLING_ADMIN));
  }

  @Test
  void R_SEC_1_a_user_admin_manages_users_only() {
    assertEquals(
        EnumSet.of(Permission.VIEW_HOME, Permission.MANAGE_USERS), grantedTo(Role.USER_ADMIN));
  }

  @Test
  void R_SEC_1_a_reports_reader_only_reads_reports() {
    assertEquals(
        EnumSet.of(Permission.VIEW_HOME, Permission.VIEW_REPORTS), grantedTo(Role.REPORTS_READER));
  }

  @Test
  void R_SEC_1_the_platform_role_may_only_use_telephony_and_never_the_admin_center() {
    assertEquals(EnumSet.of(Permission.USE_TELEPHONY), grantedTo(Role.PLATFORM));
  }

  @Test
  void R_SEC_1_several_roles_grant_the_union_of_their_permissions() {
    assertEquals(
        EnumSet.of(
            Permission.VIEW_HOME,
            Permission.MANAGE_USERS,
            Permission.MANAGE_BILLING,
            Permission.VIEW_REPORTS),
        grantedTo(Role.BILLING_ADMIN, Role.USER_ADMIN));
  }

  @Test
  void R_SEC_1_no_role_grants_nothing() {
    assertEquals(EnumSet.noneOf(Permission.class), grantedTo());
  }

  @Test
  void R_SEC_1_every_admin_role_and_only_they_may_open_the_home_page() {
    Arrays.stream(Role.values())
        .forEach(
            role ->
                assertEquals(
                    role.isAdminRole(), Permission.VIEW_HOME.grantedTo(Set.of(role)), role.name()));
  }

  @Test
  void the_roles_a_permission_hands_out_are_a_copy() {
    Permission.MANAGE_SETTINGS.roles().add(Role.REPORTS_READER);
    assertEquals(EnumSet.of(Role.GLOBAL_ADMIN), Permission.MANAGE_SETTINGS.roles());
  }
}
