package com.commcredits.licensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A product licence held by a user from {@code assignedAt} until {@code removedAt}. Removal closes
 * the row rather than deleting it, so a month's pools can follow the assignments made during it
 * (R-POOL-1).
 */
@Entity
@Table(name = "licence_assignment")
public class LicenceAssignment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(nullable = false, updatable = false)
  private String sku;

  @Column(name = "assigned_at", nullable = false, updatable = false)
  private Instant assignedAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  /**
   * 1 while active, NULL once removed: a unique key on (user, sku, active) allows one active row.
   */
  @Column(name = "active_flag")
  private Integer activeFlag;

  protected LicenceAssignment() {
    // for JPA
  }

  public LicenceAssignment(long organisationId, long userId, String sku, Instant assignedAt) {
    this.organisationId = organisationId;
    this.userId = userId;
    this.sku = Objects.requireNonNull(sku, "sku");
    this.assignedAt = Objects.requireNonNull(assignedAt, "assignedAt");
    this.activeFlag = 1;
  }

  public void remove(Instant at) {
    this.removedAt = at;
    this.activeFlag = null;
  }

  public Long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String sku() {
    return sku;
  }

  public Instant assignedAt() {
    return assignedAt;
  }

  public Instant removedAt() {
    return removedAt;
  }

  public boolean isActive() {
    return removedAt == null;
  }
}
