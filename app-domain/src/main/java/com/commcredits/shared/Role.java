package com.commcredits.shared;

/** The admin center roles of R-SEC-1, plus the telephony platform's API role. */
public enum Role {
  GLOBAL_ADMIN("Global admin"),
  BILLING_ADMIN("Billing admin"),
  USER_ADMIN("User admin"),
  REPORTS_READER("Reports reader"),
  PLATFORM("Platform (telephony)");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Roles an admin account can hold; {@link #PLATFORM} is for API keys only. */
  public boolean isAdminRole() {
    return this != PLATFORM;
  }
}
