package com.commcredits.shared;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who runs a use case: an admin signed in to the admin center, an API key, or the system itself.
 * Every service takes one and scopes its work to {@link #organisationId()}.
 */
public record Caller(
    long organisationId, ActorType actorType, long actorId, String actorName, Set<Role> roles) {

  /** The kinds of actor the audit log distinguishes. */
  public enum ActorType {
    ADMIN,
    API_KEY,
    SYSTEM
  }

  public Caller {
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(actorName, "actorName");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** The system acting for an organisation (timers, demo data): holds every admin role. */
  public static Caller system(long organisationId) {
    return new Caller(
        organisationId,
        ActorType.SYSTEM,
        0,
        "System",
        EnumSet.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.REPORTS_READER));
  }

  public boolean can(Permission permission) {
    return permission.grantedTo(roles);
  }

  /** Refuses with 403 unless the caller's roles grant the permission. */
  public void require(Permission permission) {
    if (!can(permission)) {
      throw new AccessDeniedException("Your role does not allow this.");
    }
  }
}
