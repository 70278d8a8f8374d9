package com.commcredits.wallet;

/** The billing documents the product issues, each numbered in its own gap-free sequence. */
public enum DocumentKind {
  /** For a succeeded funding (R-RECEIPT-1). */
  RECEIPT("R-"),
  /** For an approved dispute's refund (R-DISPUTE-3). */
  CREDIT_NOTE("CN-");

  private final String prefix;

  DocumentKind(String prefix) {
    this.prefix = prefix;
  }

  /** The number as printed: the kind's prefix and six digits, e.g. R-000042. */
  public String format(long number) {
    return prefix + String.format("%06d", number);
  }
}
