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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An admin of one organisation: email sign-in, display name, roles, a PBKDF2 password hash, and the
 * times of its recent failed sign-ins behind the lockout: 5 failures within any 15 minutes lock it
 * for 15 minutes (a sliding window, so failures on both sides of a fixed boundary still count).
 */
@Entity
@Table(name = "admin_account")
public class AdminAccount {
  public static final int MAX_FAILURES = 5;
  public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Column(nullable = false)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "admin_account_role",
      joinColumns = @JoinColumn(name = "admin_account_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role")
  private Set<Role> roles = new HashSet<>();

  @Column(nullable = false)
  private boolean enabled = true;

  /** The failures still inside the window, as ISO instants separated by commas (at most 4 kept). */
  @Column(name = "recent_failures")
  private String recentFailures;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected AdminAccount() {
    // for JPA
  }

  public AdminAccount(
      long organisationId,
      String email,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      Instant createdAt) {
    this.organisationId = organisationId;
    this.email = normaliseEmail(email);
    this.displayName = Objects.requireNonNull(displayName, "displayName").strip();
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    changeRoles(roles);
  }

  public static String normaliseEmail(String email) {
    return Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Counts a failure; returns true when this failure locked the account. */
  public boolean recordFailedSignIn(Instant now) {
    List<Instant> recent = new ArrayList<>();
    if (recentFailures != null && !recentFailures.isBlank()) {
      for (String t : recentFailures.split(",")) {
        Instant failure = Instant.parse(t);
        if (failure.isAfter(now.minus(FAILURE_WINDOW))) {
          recent.add(failure);
        }
      }
    }
    recent.add(now);
    if (recent.size() >= MAX_FAILURES) {
      lockedUntil = now.plus(LOCK_DURATION);
      recentFailures = null;
      return true;
    }
    recentFailures = String.join(",", recent.stream().map(Instant::toString).toList());
    return false;
  }

  public void recordSuccessfulSignIn(Instant now) {
    recentFailures = null;
    lockedUntil = null;
    lastSignInAt = now;
  }

  public void unlock() {
    recentFailures = null;
    lockedUntil = null;
  }

  public void changeRoles(Set<Role> newRoles) {
    if (newRoles == null || newRoles.isEmpty()) {
      throw new IllegalArgumentException("An admin needs at least one role.");
    }
    if (newRoles.contains(Role.PLATFORM)) {
      throw new IllegalArgumentException("The platform role is for API keys only.");
    }
    roles.clear();
    roles.addAll(newRoles);
  }

  public void changeDisplayName(String newName) {
    this.displayName = Objects.requireNonNull(newName, "displayName").strip();
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash, "passwordHash");
  }

  public Caller asCaller() {
    return new Caller(
        organisationId, Caller.ActorType.ADMIN, id, displayName + " <" + email + ">", roles());
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public Instant lastSignInAt() {
    return lastSignInAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** A one-line description for the audit log's before/after. */
  public String describe() {
    return "email="
        + email
        + ", name="
        + displayName
        + ", roles="
        + EnumSet.copyOf(roles)
        + ", enabled="
        + enabled;
  }
}
