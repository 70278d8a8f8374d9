package com.commcredits.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A user of the organisation's directory, who may hold licences and place calls (R-ORG-2). */
@Entity
@Table(name = "directory_user")
public class DirectoryUser {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false)
  private long organisationId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String upn;

  @Column(name = "usage_location", nullable = false)
  private String usageLocation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private UserState state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected DirectoryUser() {
    // for JPA
  }

  public DirectoryUser(
      long organisationId,
      String displayName,
      String upn,
      String usageLocation,
      Instant createdAt) {
    this.organisationId = organisationId;
    this.displayName = Objects.requireNonNull(displayName, "displayName").strip();
    this.upn = normaliseUpn(upn);
    this.usageLocation = Objects.requireNonNull(usageLocation, "usageLocation");
    this.state = UserState.ACTIVE;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public static String normaliseUpn(String upn) {
    return Objects.requireNonNull(upn, "upn").strip().toLowerCase(Locale.ROOT);
  }

  public void change(String newDisplayName, String newUsageLocation) {
    this.displayName = Objects.requireNonNull(newDisplayName, "displayName").strip();
    this.usageLocation = Objects.requireNonNull(newUsageLocation, "usageLocation");
  }

  public void setState(UserState newState) {
    this.state = Objects.requireNonNull(newState, "state");
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public String displayName() {
    return displayName;
  }

  public String upn() {
    return upn;
  }

  public String usageLocation() {
    return usageLocation;
  }

  public UserState state() {
    return state;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String describe() {
    return "upn="
        + upn
        + ", name="
        + displayName
        + ", location="
        + usageLocation
        + ", state="
        + state;
  }
}
