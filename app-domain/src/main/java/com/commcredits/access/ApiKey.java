package com.commcredits.access;

import com.commcredits.shared.Caller;
import com.commcredits.shared.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * An API key of one organisation. Only its SHA-256 hash is stored: the key is random and long, so a
 * fast hash is enough and lets a request find its key by hash. The plain key is shown once.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {
  /**
   * Last use is written at most this often, so a busy key does not update its row on every call.
   */
  public static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Column(nullable = false)
  private String name;

  @Column(name = "key_prefix", nullable = false)
  private String keyPrefix;

  @Column(name = "key_hash", nullable = false, unique = true)
  private String keyHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "api_key_role", joinColumns = @JoinColumn(name = "api_key_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role")
  private Set<Role> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by")
  private String revokedBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiKey() {
    // for JPA
  }

  public ApiKey(
      long organisationId,
      String name,
      String plainKey,
      Set<Role> roles,
      String createdBy,
      Instant createdAt) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("An API key needs at least one role.");
    }
    this.organisationId = organisationId;
    this.name = Objects.requireNonNull(name, "name").strip();
    this.keyHash = hash(plainKey);
    this.keyPrefix = plainKey.substring(0, Math.min(8, plainKey.length()));
    this.roles.addAll(roles);
    this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public static String hash(String plainKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void revoke(String by, Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
      revokedBy = by;
    }
  }

  /** Records a use; returns true when the stored time had to move. */
  public boolean touch(Instant now) {
    if (lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USE_RESOLUTION))) {
      lastUsedAt = now;
      return true;
    }
    return false;
  }

  public Caller asCaller() {
    return new Caller(
        organisationId,
        Caller.ActorType.API_KEY,
        id,
        "API key " + name + " (" + keyPrefix + "…)",
        roles());
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public String name() {
    return name;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public String describe() {
    return "name="
        + name
        + ", prefix="
        + keyPrefix
        + ", roles="
        + EnumSet.copyOf(roles)
        + (revokedAt == null ? "" : ", revoked=" + revokedAt);
  }
}
