package com.commcredits.rating;

/** The kinds of call the platform asks about and reports (the API's {@code kind}). */
public enum CallKind {
  OUTBOUND,
  TOLL_FREE_INBOUND,
  CONFERENCE_DIAL_OUT
}
