package com.commcredits.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role allows, in one table: navigation, pages, API resources and services all ask this, so
 * a hidden menu item and a refused request can never disagree.
 */
public enum Permission {
  VIEW_HOME(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.REPORTS_READER),
  MANAGE_USERS(Role.GLOBAL_ADMIN, Role.USER_ADMIN),
  MANAGE_BILLING(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
  VIEW_REPORTS(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.REPORTS_READER),
  MANAGE_SETTINGS(Role.GLOBAL_ADMIN),
  USE_TELEPHONY(Role.PLATFORM),
  /**
   * The operator's acts on a tenant (R-FUND-12, R-PAY-1): manual adjustments, call refunds, EA
   * agreements. Only Global admins (and Global admin API keys) of the operator's organisation.
   */
  OPERATE_TENANTS(true, Role.GLOBAL_ADMIN);

  private final Set<Role> roles;
  private final boolean operatorOnly;

  Permission(Role first, Role... rest) {
    this(false, first, rest);
  }

  Permission(boolean operatorOnly, Role first, Role... rest) {
    this.roles = EnumSet.of(first, rest);
    this.operatorOnly = operatorOnly;
  }

  /** Whether only a caller of the operator's organisation can hold it, whatever its roles. */
  public boolean operatorOnly() {
    return operatorOnly;
  }

  /** Whether these roles grant it to a caller outside the operator's organisation. */
  public boolean grantedTo(Set<Role> held) {
    return grantedTo(held, false);
  }

  /** Whether these roles grant it, to a caller of the operator's organisation or not. */
  public boolean grantedTo(Set<Role> held, boolean operator) {
    return (operator || !operatorOnly) && held.stream().anyMatch(roles::contains);
  }

  public Set<Role> roles() {
    return EnumSet.copyOf(roles);
  }
}
