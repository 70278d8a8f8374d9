package com.commcredits.reconciliation;

/** Where a run stands; a FAILED run may be restarted from its checkpoints. */
public enum RunStatus {
  RUNNING,
  COMPLETED,
  FAILED
}
