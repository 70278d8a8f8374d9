package com.commcredits.reconciliation;

/** A full run checks every wallet from its first entry; an incremental one what changed since. */
public enum RunMode {
  INCREMENTAL,
  FULL
}
