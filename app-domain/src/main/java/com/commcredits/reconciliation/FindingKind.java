package com.commcredits.reconciliation;

/** The kinds of drift a run reports (R-RECON-1). */
public enum FindingKind {
  /** The wallet's balance is not the sum of its ledger. */
  BALANCE_MISMATCH,
  /** The sum of lot remainders minus the negative amount is not the balance. */
  LOT_REMAINDERS_MISMATCH,
  /** A lot's remaining is not its amount minus its allocations (plus restorations). */
  LOT_MISMATCH,
  /** A rated call with a charge has no ledger charge. */
  CALL_WITHOUT_CHARGE,
  /** A call's ledger charge is not the call's charge (or is on another wallet). */
  CHARGE_MISMATCH,
  /** A call charge in the ledger belongs to no call record. */
  CHARGE_WITHOUT_CALL,
  /** A payment approved at the gateway (or a succeeded funding) has no lot. */
  PAYMENT_WITHOUT_LOT,
  /** A lot from a funding whose payment did not succeed. */
  LOT_WITHOUT_PAYMENT,
  /** A succeeded EA funding has no billing line. */
  EA_LINE_MISSING,
  /** An EA billing line's amount is not its funding's. */
  EA_LINE_MISMATCH,
  /** A month's pool usage is not the pool minutes of its calls. */
  POOL_MISMATCH,
  /**
   * The hourly spend totals the charts and the usage report read (calls and charges per hour and
   * call kind) are not what the call records sum to, or a wallet's daily charges the runway reads
   * (ledger_charge_daily) are not what its CHARGE entries of that UTC day sum to.
   */
  DAILY_TOTAL_MISMATCH
}
