package com.commcredits.access;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Role;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings > API keys: create (the key is returned once), revoke, list; and authenticate a
 * presented key.
 */
@Stateless
public class ApiKeyService {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ApiKeyRepository keys;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject RecentApiKeys recent;
  @Inject OrganisationRepository organisations;

  public List<ApiKey> list(Caller caller) {
    caller.require(Permission.MANAGE_SETTINGS);
    return keys.list(caller.organisationId());
  }

  public CreatedKey create(Caller caller, String name, Set<Role> roles) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return register(
        caller,
        name,
        roles,
        "cc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** Registers a key whose value is chosen elsewhere: the demo data's fixed keys. */
  public CreatedKey register(Caller caller, String name, Set<Role> roles, String plainKey) {
    caller.require(Permission.MANAGE_SETTINGS);
    new Validator()
        .required(name, "name", "Name", 100)
        .check(roles != null && !roles.isEmpty(), "roles", "Choose at least one role.")
        .throwIfInvalid();
    ApiKey key =
        keys.add(
            new ApiKey(
                caller.organisationId(),
                name,
                plainKey,
                roles,
                caller.actorName(),
                clock.instant()));
    audit.record(
        caller,
        AuditAction.API_KEY_CREATED,
        "api-key",
        key.id(),
        "Created API key " + key.name(),
        null,
        key.describe());
    return new CreatedKey(key, plainKey);
  }

  public void revoke(Caller caller, long id) {
    caller.require(Permission.MANAGE_SETTINGS);
    ApiKey key =
        keys.find(caller.organisationId(), id)
            .orElseThrow(() -> new NotFoundException("The API key"));
    String before = key.describe();
    key.revoke(caller.actorName(), clock.instant());
    recent.forget(id);
    audit.record(
        caller,
        AuditAction.API_KEY_REVOKED,
        "api-key",
        id,
        "Revoked API key " + key.name(),
        before,
        key.describe());
  }

  /** The caller a presented key stands for, or empty when it is unknown or revoked. */
  public Optional<Caller> authenticate(String plainKey) {
    if (plainKey == null || plainKey.isBlank() || plainKey.length() > 200) {
      return Optional.empty();
    }
    String hash = ApiKey.hash(plainKey);
    Optional<Caller> known = recent.find(hash);
    if (known.isPresent()) {
      return known;
    }
    return keys.findByHash(hash)
        .filter(k -> !k.isRevoked())
        .map(
            k -> {
              k.touch(clock.instant());
              if (k.asCaller().roles().contains(Role.PLATFORM)) {
                recent.remember(hash, k.id(), k.asCaller());
                return k.asCaller();
              }
              return operatorAware(k.asCaller());
            });
  }

  /** Marks a Global admin key of the operator's organisation as the operator's (R-FUND-12). */
  private Caller operatorAware(Caller caller) {
    boolean operator =
        caller.roles().contains(Role.GLOBAL_ADMIN)
            && organisations
                .find(caller.organisationId())
                .map(Organisation::publishesRates)
                .orElse(false);
    return operator ? caller.asOperator() : caller;
  }

  /** A new key and its plain value, which is shown once and never stored. */
  public record CreatedKey(ApiKey key, String plainKey) {}
}
