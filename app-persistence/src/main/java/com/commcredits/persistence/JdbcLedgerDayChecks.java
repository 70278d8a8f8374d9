package com.commcredits.persistence;

import com.commcredits.reconciliation.LedgerDayChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** DAILY_TOTAL_MISMATCH for the wallets' daily charges (V39): one grouped pass over the ledger. */
@ApplicationScoped
class JdbcLedgerDayChecks implements LedgerDayChecks {
  static final String LEDGER_DAY_DIFFS =
      "SELECT w.organisation_id, x.wallet_id, x.day, SUM(x.charged) AS charged, "
          + "SUM(x.entries) AS entries, SUM(x.row_charged) AS row_charged, "
          + "SUM(x.row_entries) AS row_entries, MAX(x.has_row) AS has_row "
          + "FROM (SELECT wallet_id, DATE(occurred_at) AS day, -SUM(amount) AS charged, "
          + "COUNT(*) AS entries, 0 AS row_charged, 0 AS row_entries, 0 AS has_row "
          + "FROM ledger_entry WHERE entry_type = 'CHARGE' GROUP BY wallet_id, DATE(occurred_at) "
          + "UNION ALL SELECT wallet_id, day, 0, 0, charged, entries, 1 FROM ledger_charge_daily) x "
          + "JOIN wallet w ON w.id = x.wallet_id GROUP BY w.organisation_id, x.wallet_id, x.day "
          + "HAVING SUM(x.charged) <> SUM(x.row_charged) OR SUM(x.entries) <> SUM(x.row_entries) "
          + "ORDER BY x.wallet_id, x.day";

  @Inject ReconciliationSql sql;

  @Override
  public List<LedgerDayDiff> ledgerDayDiffs() {
    return sql.list(
        LEDGER_DAY_DIFFS,
        rs ->
            new LedgerDayDiff(
                rs.getLong("organisation_id"),
                rs.getLong("wallet_id"),
                rs.getDate("day").toLocalDate(),
                rs.getBigDecimal("charged"),
                rs.getLong("entries"),
                rs.getInt("has_row") == 1 ? rs.getBigDecimal("row_charged") : null,
                rs.getInt("has_row") == 1 ? rs.getLong("row_entries") : null));
  }
}
