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
  USE_TELEPHONY(Role.PLATFORM);

  private final Set<Role> roles;

  Permission(Role first, Role... rest) {
    this.roles = EnumSet.of(first, rest);
  }

  public boolean grantedTo(Set<Role> held) {
    return held.stream().anyMatch(roles::contains);
  }

  public Set<Role> roles() {
    return EnumSet.copyOf(roles);
  }
}
