package com.commcredits.persistence;

import static com.commcredits.persistence.ReconciliationSql.nullableLong;

import com.commcredits.reconciliation.CrossCheckRepository;
import com.commcredits.reconciliation.Finding;
import com.commcredits.reconciliation.FindingKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-checks in plain JDBC, set-based so a run makes a few statements in all: calls against
 * ledger charges, payments against lots, EA fundings against billing lines, pool usage against
 * calls.
 */
@ApplicationScoped
class JdbcCrossCheckRepository implements CrossCheckRepository {
  @Inject ReconciliationSql sql;

  @Override
  public List<Finding> crossChecks(long runId, Instant settledBefore) {
    List<Finding> out = new ArrayList<>();
    // a rated call with a charge and no ledger charge (none recorded, or the entry is missing)
    out.addAll(
        sql.list(
            "SELECT c.id, c.organisation_id, w.id AS wallet_id, c.charge, c.call_id FROM call_record c "
                + "LEFT JOIN wallet w ON w.organisation_id = c.organisation_id "
                + "LEFT JOIN ledger_entry e ON e.id = c.ledger_entry_id "
                + "WHERE c.charge > 0 AND e.id IS NULL",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.CALL_WITHOUT_CHARGE,
                    rs.getLong("organisation_id"),
                    nullableLong(rs, "wallet_id"),
                    "call:" + rs.getLong("id"),
                    rs.getBigDecimal("charge").negate(),
                    null,
                    "Call " + rs.getString("call_id") + " has no charge in the ledger.")));
    // a call whose ledger charge is not its charge, or on another organisation's wallet
    out.addAll(
        sql.list(
            "SELECT c.id, c.organisation_id, w.id AS wallet_id, e.id AS entry_id, c.charge, e.amount, "
                + "c.call_id FROM call_record c JOIN ledger_entry e ON e.id = c.ledger_entry_id "
                + "LEFT JOIN wallet w ON w.organisation_id = c.organisation_id "
                + "WHERE e.amount <> -c.charge OR w.id IS NULL OR e.wallet_id <> w.id",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.CHARGE_MISMATCH,
                    rs.getLong("organisation_id"),
                    nullableLong(rs, "wallet_id"),
                    "call:" + rs.getLong("id") + ",entry:" + rs.getLong("entry_id"),
                    rs.getBigDecimal("charge").negate(),
                    rs.getBigDecimal("amount"),
                    "The ledger charge of call "
                        + rs.getString("call_id")
                        + " is not its charge.")));
    // a call charge in the ledger that no call record points at
    out.addAll(
        sql.list(
            "SELECT e.id, e.wallet_id, w.organisation_id, e.amount, e.reference FROM ledger_entry e "
                + "JOIN wallet w ON w.id = e.wallet_id WHERE e.entry_type = 'CHARGE' "
                + "AND e.idempotency_key LIKE 'call:%' "
                + "AND NOT EXISTS (SELECT 1 FROM call_record c WHERE c.ledger_entry_id = e.id)",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.CHARGE_WITHOUT_CALL,
                    rs.getLong("organisation_id"),
                    rs.getLong("wallet_id"),
                    "entry:" + rs.getLong("id"),
                    null,
                    rs.getBigDecimal("amount"),
                    "Ledger charge "
                        + rs.getLong("id")
                        + " ("
                        + rs.getString("reference")
                        + ") "
                        + "belongs to no call record.")));
    // a payment approved at the gateway, or a funding marked succeeded, without its lot
    out.addAll(
        sql.list(
            "SELECT f.id, f.organisation_id, f.wallet_id, f.amount, f.status FROM funding f "
                + "WHERE (f.status = 'SUCCEEDED' OR EXISTS (SELECT 1 FROM sandbox_payment p "
                + "WHERE p.idempotency_key = CONCAT('funding-', f.id) AND p.outcome = 'APPROVED')) "
                + "AND NOT (f.status = 'PENDING' AND f.requested_at > ?) "
                + "AND NOT EXISTS (SELECT 1 FROM funding_lot l WHERE l.funding_id = f.id)",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.PAYMENT_WITHOUT_LOT,
                    rs.getLong("organisation_id"),
                    rs.getLong("wallet_id"),
                    "funding:" + rs.getLong("id"),
                    rs.getBigDecimal("amount"),
                    null,
                    "Funding "
                        + rs.getLong("id")
                        + " ("
                        + rs.getString("status")
                        + ") was paid "
                        + "but has no lot."),
            settledBefore));
    // a lot from a funding that did not succeed
    out.addAll(
        sql.list(
            "SELECT l.id, l.wallet_id, f.organisation_id, f.id AS funding_id, l.amount, f.status "
                + "FROM funding_lot l JOIN funding f ON f.id = l.funding_id "
                + "WHERE f.status <> 'SUCCEEDED'",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.LOT_WITHOUT_PAYMENT,
                    rs.getLong("organisation_id"),
                    rs.getLong("wallet_id"),
                    "lot:" + rs.getLong("id") + ",funding:" + rs.getLong("funding_id"),
                    null,
                    rs.getBigDecimal("amount"),
                    "Lot "
                        + rs.getLong("id")
                        + " comes from funding "
                        + rs.getLong("funding_id")
                        + ", which is "
                        + rs.getString("status")
                        + ".")));
    // a succeeded EA funding without its billing line, or with a line of another amount
    out.addAll(
        sql.list(
            "SELECT f.id, f.organisation_id, f.wallet_id, f.amount, b.id AS line_id, b.amount AS billed "
                + "FROM funding f JOIN payment_method m ON m.id = f.payment_method_id "
                + "LEFT JOIN ea_billing_line b ON b.funding_id = f.id "
                + "WHERE m.kind = 'ENTERPRISE_AGREEMENT' AND f.status = 'SUCCEEDED' "
                + "AND (b.id IS NULL OR b.amount <> f.amount)",
            rs -> {
              Long line = nullableLong(rs, "line_id");
              return Finding.of(
                  runId,
                  line == null ? FindingKind.EA_LINE_MISSING : FindingKind.EA_LINE_MISMATCH,
                  rs.getLong("organisation_id"),
                  rs.getLong("wallet_id"),
                  "funding:" + rs.getLong("id") + (line == null ? "" : ",line:" + line),
                  rs.getBigDecimal("amount"),
                  line == null ? null : rs.getBigDecimal("billed"),
                  line == null
                      ? "EA funding " + rs.getLong("id") + " has no billing line."
                      : "The billing line of EA funding "
                          + rs.getLong("id")
                          + " is not its amount.");
            }));
    return out;
  }

  @Override
  public List<PoolCount> poolCounts() {
    return sql.list(
        "SELECT p.organisation_id, p.country, p.pool_kind, p.month, p.used_minutes, o.time_zone "
            + "FROM pool_usage p JOIN organisation o ON o.id = p.organisation_id",
        rs ->
            new PoolCount(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                ZoneId.of(rs.getString(6))));
  }

  @Override
  public long poolMinutes(
      long organisationId, String country, String poolKind, Instant from, Instant to) {
    return sql.first(
            "SELECT COALESCE(SUM(pool_minutes), 0) FROM call_record WHERE organisation_id = ? "
                + "AND user_location = ? AND pool_kind = ? AND start_at >= ? AND start_at < ?",
            rs -> rs.getLong(1),
            organisationId,
            country,
            poolKind,
            from,
            to)
        .orElse(0L);
  }

  /**
   * One pass over the call records grouped by organisation, hour and kind, beside the hourly rows;
   * the groups whose count or charges differ (a missing row on either side included).
   */
  @Override
  public List<HourlySpendDiff> hourlySpendDiffs() {
    return sql.list(
        "SELECT organisation_id, hour, kind, SUM(calls) AS calls, SUM(charge) AS charge, "
            + "SUM(row_calls) AS row_calls, SUM(row_charge) AS row_charge, MAX(has_row) AS has_row "
            + "FROM (SELECT organisation_id, "
            + "CAST(DATE_FORMAT(start_at, '%Y-%m-%d %H:00:00') AS DATETIME) AS hour, kind, "
            + "COUNT(*) AS calls, SUM(charge) AS charge, 0 AS row_calls, 0 AS row_charge, 0 AS has_row "
            + "FROM call_record GROUP BY organisation_id, "
            + "CAST(DATE_FORMAT(start_at, '%Y-%m-%d %H:00:00') AS DATETIME), kind "
            + "UNION ALL SELECT organisation_id, hour, kind, 0, 0, calls, charge, 1 "
            + "FROM call_spend_hourly) x GROUP BY organisation_id, hour, kind "
            + "HAVING SUM(calls) <> SUM(row_calls) OR SUM(charge) <> SUM(row_charge) "
            + "ORDER BY organisation_id, hour, kind",
        rs ->
            new HourlySpendDiff(
                rs.getLong("organisation_id"),
                ReconciliationSql.instant(rs, "hour"),
                rs.getString("kind"),
                rs.getLong("calls"),
                rs.getBigDecimal("charge"),
                rs.getInt("has_row") == 1 ? rs.getLong("row_calls") : null,
                rs.getInt("has_row") == 1 ? rs.getBigDecimal("row_charge") : null));
  }
}
