package com.commcredits.directory;

/** The orders Active users can be listed in. */
public enum UserSort {
  NAME("displayName"),
  NAME_DESC("displayName"),
  UPN("upn"),
  UPN_DESC("upn"),
  LOCATION("usageLocation"),
  LOCATION_DESC("usageLocation"),
  STATE("state"),
  STATE_DESC("state");

  private final String attribute;

  UserSort(String attribute) {
    this.attribute = attribute;
  }

  /** The model attribute to order by. */
  public String attribute() {
    return attribute;
  }

  public boolean descending() {
    return name().endsWith("_DESC");
  }

  /** The sort a column header switches to: ascending first, then descending. */
  public static UserSort parse(String value) {
    for (UserSort s : values()) {
      if (s.name().equalsIgnoreCase(value)) {
        return s;
      }
    }
    return NAME;
  }
}
