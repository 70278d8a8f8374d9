package com.commcredits.shared;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who runs a use case: an admin signed in to the admin center, an API key, or the system itself.
 * Every service takes one and scopes its work to {@link #organisationId()}. {@code operator} is
 * true when the caller's organisation is the operator's (it publishes the rates), which together
 * with the Global admin role grants {@link Permission#OPERATE_TENANTS}.
 */
public record Caller(
    long organisationId,
    ActorType actorType,
    long actorId,
    String actorName,
    Set<Role> roles,
    boolean operator) {

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

  /** A caller of an organisation that is not the operator's. */
  public Caller(
      long organisationId, ActorType actorType, long actorId, String actorName, Set<Role> roles) {
    this(organisationId, actorType, actorId, actorName, roles, false);
  }

  /** The same caller, known to belong to the operator's organisation. */
  public Caller asOperator() {
    return new Caller(organisationId, actorType, actorId, actorName, roles, true);
  }

  /**
   * The operator's admin as seen in a tenant's records (its audit log): the same actor, in the
   * tenant's organisation, with no roles there. Only for a caller who may operate tenants.
   */
  public Caller inTenant(long tenantId, String operatorName) {
    require(Permission.OPERATE_TENANTS);
    return new Caller(
        tenantId, actorType, actorId, actorName + " (" + operatorName + ")", Set.of(), false);
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
    return permission.grantedTo(roles, operator);
  }

  /** Refuses with 403 unless the caller's roles grant the permission. */
  public void require(Permission permission) {
    if (!can(permission)) {
      throw new AccessDeniedException("Your role does not allow this.");
    }
  }
}
