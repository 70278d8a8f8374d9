package com.commcredits.dispute;

/** Where a dispute stands: open until the operator decides it, once. */
public enum DisputeStatus {
  OPEN,
  APPROVED,
  REJECTED
}
