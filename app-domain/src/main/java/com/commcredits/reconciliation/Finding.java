package com.commcredits.reconciliation;

import java.time.Instant;

/**
 * One difference a run found: its kind, whose it is, what it is about ({@code subject}, e.g. {@code
 * lot:12}), and the expected and actual values. A report, never a correction.
 */
public record Finding(
    long id,
    long runId,
    FindingKind kind,
    Long organisationId,
    Long walletId,
    String subject,
    String expected,
    String actual,
    String detail,
    Instant foundAt) {

  /** A finding not yet stored. */
  public static Finding of(
      long runId,
      FindingKind kind,
      Long organisationId,
      Long walletId,
      String subject,
      Object expected,
      Object actual,
      String detail) {
    return new Finding(
        0,
        runId,
        kind,
        organisationId,
        walletId,
        subject,
        expected == null ? null : expected.toString(),
        actual == null ? null : actual.toString(),
        detail,
        null);
  }
}
