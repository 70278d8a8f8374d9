package com.commcredits.access;

import java.time.Instant;

/** What a sign-in attempt came to; the page turns it into a message. */
public record SignInOutcome(Status status, Long adminId, Instant lockedUntil) {

  /** Success, wrong email or password (one answer for both), or locked until a time. */
  public enum Status {
    SIGNED_IN,
    INVALID,
    LOCKED
  }

  static SignInOutcome signedIn(long adminId) {
    return new SignInOutcome(Status.SIGNED_IN, adminId, null);
  }

  static SignInOutcome invalid() {
    return new SignInOutcome(Status.INVALID, null, null);
  }

  static SignInOutcome locked(Instant until) {
    return new SignInOutcome(Status.LOCKED, null, until);
  }
}
