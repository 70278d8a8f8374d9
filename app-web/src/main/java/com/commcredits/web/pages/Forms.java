package com.commcredits.web.pages;

import com.commcredits.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;

/** Reads form fields that are not plain text. */
final class Forms {
  private Forms() {}

  /** The roles ticked in a form's "roles" checkboxes; unknown values are ignored. */
  static Set<Role> roles(HttpServletRequest request, boolean allowPlatform) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String[] values = request.getParameterValues("roles");
    if (values != null) {
      for (String value : values) {
        for (Role role : Role.values()) {
          if (role.name().equals(value) && (allowPlatform || role.isAdminRole())) {
            roles.add(role);
          }
        }
      }
    }
    return roles;
  }
}
