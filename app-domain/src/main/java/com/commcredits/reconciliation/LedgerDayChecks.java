package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily charges of each wallet (ledger_charge_daily, read by the runway) against the ledger's
 * CHARGE entries they sum (issue 15), for DAILY_TOTAL_MISMATCH.
 */
public interface LedgerDayChecks {
  /**
   * One UTC day of one wallet where the row and the entries differ; a null row side is a missing
   * row.
   */
  record LedgerDayDiff(
      long organisationId,
      long walletId,
      LocalDate day,
      BigDecimal charged,
      long entries,
      BigDecimal rowCharged,
      Long rowEntries) {}

  List<LedgerDayDiff> ledgerDayDiffs();
}
