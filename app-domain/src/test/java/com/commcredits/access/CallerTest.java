package com.commcredits.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.shared.AccessDeniedException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The caller every use case runs as: its roles decide, through {@link Permission}, what it may do.
 */
class CallerTest {
  private static Caller admin(Role... roles) {
    return new Caller(7, Caller.ActorType.ADMIN, 3, "Megan <megan@contoso.example>", Set.of(roles));
  }

  @Test
  void R_SEC_1_require_refuses_a_permission_the_roles_do_not_grant() {
    Caller reader = admin(Role.REPORTS_READER);
    AccessDeniedException refused =
        assertThrows(AccessDeniedException.class, () -> reader.require(Permission.MANAGE_BILLING));
    assertEquals("Your role does not allow this.", refused.getMessage());
    assertThrows(AccessDeniedException.class, () -> reader.require(Permission.MANAGE_USERS));
    assertThrows(AccessDeniedException.class, () -> reader.require(Permission.MANAGE_SETTINGS));
    assertThrows(AccessDeniedException.class, () -> reader.require(Permission.USE_TELEPHONY));
  }

  @Test
  void R_SEC_1_require_lets_a_granted_permission_through() {
    Caller reader = admin(Role.REPORTS_READER);
    assertDoesNotThrow(() -> reader.require(Permission.VIEW_REPORTS));
    assertDoesNotThrow(() -> reader.require(Permission.VIEW_HOME));
  }

  @Test
  void R_SEC_1_a_caller_without_roles_may_do_nothing() {
    Caller nobody = admin();
    for (Permission p : Permission.values()) {
      assertFalse(nobody.can(p), p.name());
      assertThrows(AccessDeniedException.class, () -> nobody.require(p));
    }
  }

  @Test
  void R_SEC_1_the_system_caller_holds_every_admin_role_but_not_the_platform_role() {
    Caller system = Caller.system(42);
    assertEquals(42, system.organisationId());
    assertEquals(Caller.ActorType.SYSTEM, system.actorType());
    assertEquals(
        EnumSet.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.REPORTS_READER),
        system.roles());
    for (Permission p : Permission.values()) {
      assertEquals(
          p != Permission.USE_TELEPHONY && p != Permission.OPERATE_TENANTS,
          system.can(p),
          p.name());
    }
  }

  @Test
  void R_FUND_12_only_a_Global_admin_of_the_operators_organisation_may_operate_tenants() {
    Caller tenantAdmin = admin(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN);
    assertFalse(tenantAdmin.can(Permission.OPERATE_TENANTS), "a tenant's Global admin");
    assertThrows(AccessDeniedException.class, () -> tenantAdmin.inTenant(8, "Ops"));
    assertTrue(admin(Role.GLOBAL_ADMIN).asOperator().can(Permission.OPERATE_TENANTS));
    assertFalse(
        admin(Role.BILLING_ADMIN).asOperator().can(Permission.OPERATE_TENANTS),
        "the operator's Billing admin");
    Caller inTenant = admin(Role.GLOBAL_ADMIN).asOperator().inTenant(8, "Ops");
    assertEquals(8, inTenant.organisationId());
    assertTrue(inTenant.roles().isEmpty(), "no role in the tenant's organisation");
    assertTrue(inTenant.actorName().endsWith("(Ops)"));
  }

  @Test
  void R_SEC_1_a_callers_roles_cannot_be_changed_after_it_is_made() {
    Set<Role> roles = new HashSet<>(Set.of(Role.REPORTS_READER));
    Caller reader = new Caller(7, Caller.ActorType.API_KEY, 9, "API key", roles);
    roles.add(Role.GLOBAL_ADMIN);
    assertEquals(Set.of(Role.REPORTS_READER), reader.roles());
    assertThrows(UnsupportedOperationException.class, () -> reader.roles().add(Role.GLOBAL_ADMIN));
    assertTrue(reader.can(Permission.VIEW_REPORTS));
    assertFalse(reader.can(Permission.MANAGE_SETTINGS));
  }
}
