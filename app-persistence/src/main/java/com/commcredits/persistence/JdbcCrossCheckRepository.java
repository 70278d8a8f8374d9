package com.commcredits.persistence;

import static com.commcredits.persistence.ReconciliationSql.instant;
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
import java.util.Optional;

/**
 * The cross-checks in plain JDBC, set-based so a run makes a few statements in all: calls against
 * ledger charges, payments against lots, EA fundings against billing lines, pool usage against
 * calls.
 */
@ApplicationScoped
class JdbcCrossCheckRepository implements CrossCheckRepository {
  /** A funding written or resolved since the marks (a payment can succeed long after it began). */
  private static final String CHANGED_FUNDING =
      " AND (f.id > ? OR f.resolved_at >= ? OR f.requested_at >= ?)";

  @Inject ReconciliationSql sql;

  @Override
  public List<Finding> crossChecks(long runId, Instant settledBefore, Marks since) {
    List<Finding> out = new ArrayList<>();
    // a rated call with a charge and no ledger charge (none recorded, or the entry is missing)
    out.addAll(
        sql.list(
            "SELECT c.id, c.organisation_id, w.id AS wallet_id, c.charge, c.call_id FROM call_record c "
                + "LEFT JOIN wallet w ON w.organisation_id = c.organisation_id "
                + "LEFT JOIN ledger_entry e ON e.id = c.ledger_entry_id "
                + "WHERE c.charge > 0 AND e.id IS NULL AND c.id > ?",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.CALL_WITHOUT_CHARGE,
                    rs.getLong("organisation_id"),
                    nullableLong(rs, "wallet_id"),
                    "call:" + rs.getLong("id"),
                    rs.getBigDecimal("charge").negate(),
                    null,
                    "Call " + rs.getString("call_id") + " has no charge in the ledger."),
            since.call()));
    // a call whose ledger charge is not its charge, or on another organisation's wallet
    out.addAll(
        sql.list(
            "SELECT c.id, c.organisation_id, w.id AS wallet_id, e.id AS entry_id, c.charge, e.amount, "
                + "c.call_id FROM call_record c JOIN ledger_entry e ON e.id = c.ledger_entry_id "
                + "LEFT JOIN wallet w ON w.organisation_id = c.organisation_id "
                + "WHERE (e.amount <> -c.charge OR w.id IS NULL OR e.wallet_id <> w.id) AND c.id > ?",
            rs ->
                Finding.of(
                    runId,
                    FindingKind.CHARGE_MISMATCH,
                    rs.getLong("organisation_id"),
                    nullableLong(rs, "wallet_id"),
                    "call:" + rs.getLong("id") + ",entry:" + rs.getLong("entry_id"),
                    rs.getBigDecimal("charge").negate(),
                    rs.getBigDecimal("amount"),
                    "The ledger charge of call " + rs.getString("call_id") + " is not its charge."),
            since.call()));
    // a call charge in the ledger that no call record points at
    out.addAll(
        sql.list(
            "SELECT e.id, e.wallet_id, w.organisation_id, e.amount, e.reference FROM ledger_entry e "
                + "JOIN wallet w ON w.id = e.wallet_id WHERE e.entry_type = 'CHARGE' "
                + "AND e.idempotency_key LIKE 'call:%' AND e.id > ? "
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
                        + "belongs to no call record."),
            since.entry()));
    // a payment approved at the gateway, or a funding marked succeeded, without its lot
    out.addAll(
        sql.list(
            "SELECT f.id, f.organisation_id, f.wallet_id, f.amount, f.status FROM funding f "
                + "WHERE (f.status = 'SUCCEEDED' OR EXISTS (SELECT 1 FROM sandbox_payment p "
                + "WHERE p.idempotency_key = CONCAT('funding-', f.id) AND p.outcome = 'APPROVED')) "
                + "AND NOT (f.status = 'PENDING' AND f.requested_at > ?) "
                + "AND NOT EXISTS (SELECT 1 FROM funding_lot l WHERE l.funding_id = f.id)"
                + CHANGED_FUNDING,
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
            settledBefore,
            since.funding(),
            since.at(),
            since.at()));
    // a lot from a funding that did not succeed
    out.addAll(
        sql.list(
            "SELECT l.id, l.wallet_id, f.organisation_id, f.id AS funding_id, l.amount, f.status "
                + "FROM funding_lot l JOIN funding f ON f.id = l.funding_id "
                + "WHERE f.status <> 'SUCCEEDED' AND (l.id > ? OR f.id > ? OR f.resolved_at >= ?)",
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
                        + "."),
            since.lot(),
            since.funding(),
            since.at()));
    // a succeeded EA funding without its billing line, or with a line of another amount
    out.addAll(
        sql.list(
            "SELECT f.id, f.organisation_id, f.wallet_id, f.amount, b.id AS line_id, b.amount AS billed "
                + "FROM funding f JOIN payment_method m ON m.id = f.payment_method_id "
                + "LEFT JOIN ea_billing_line b ON b.funding_id = f.id "
                + "WHERE m.kind = 'ENTERPRISE_AGREEMENT' AND f.status = 'SUCCEEDED' "
                + "AND (b.id IS NULL OR b.amount <> f.amount)"
                + CHANGED_FUNDING,
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
            },
            since.funding(),
            since.at(),
            since.at()));
    return out;
  }

  @Override
  public List<PoolCount> poolCounts(Marks since) {
    // a call's month in its organisation's zone: its UTC month or the one either side (zones are
    // within 14 hours of UTC); months without pool minutes are dropped by the check
    StringBuilder months = new StringBuilder();
    for (String shift : new String[] {"- INTERVAL 14 HOUR", "", "+ INTERVAL 14 HOUR"}) {
      months
          .append(months.length() == 0 ? "" : " UNION ")
          .append("SELECT organisation_id, user_location AS country, pool_kind, ")
          .append("DATE_FORMAT(start_at ")
          .append(shift)
          .append(", '%Y-%m') AS month FROM call_record WHERE id > ? AND pool_minutes > 0 ")
          .append("AND pool_kind IS NOT NULL AND user_location IS NOT NULL");
    }
    boolean full = since.call() == 0;
    if (full) {
      months.append(" UNION SELECT organisation_id, country, pool_kind, month FROM pool_usage");
    }
    return sql.list(
        "SELECT x.organisation_id, x.country, x.pool_kind, x.month, COALESCE(p.used_minutes, 0), "
            + "o.time_zone FROM ("
            + months
            + ") x JOIN organisation o ON o.id = x.organisation_id LEFT JOIN pool_usage p ON "
            + "p.organisation_id = x.organisation_id AND p.country = x.country "
            + "AND p.pool_kind = x.pool_kind AND p.month = x.month",
        rs ->
            new PoolCount(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                ZoneId.of(rs.getString(6))),
        since.call(),
        since.call(),
        since.call());
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

  @Override
  public Optional<Marks> lastMarks(long runId) {
    return sql.first(
        "SELECT marks_at, call_mark, entry_mark, funding_mark, lot_mark FROM reconciliation_run "
            + "WHERE status = 'COMPLETED' AND marks_at IS NOT NULL AND id <> ? ORDER BY id DESC "
            + "LIMIT 1",
        rs ->
            new Marks(
                instant(rs, "marks_at"),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5)),
        runId);
  }

  @Override
  public Marks marks(Marks since, Instant at) {
    return new Marks(
        at,
        mark("call_record", "rated_at", since.call(), at),
        mark("ledger_entry", "recorded_at", since.entry(), at),
        mark("funding", "requested_at", since.funding(), at),
        mark("funding_lot", "purchased_at", since.lot(), at));
  }

  /**
   * The highest id after {@code after} of the rows older than {@code at}: read backwards along the
   * key, it stops at the first such row, so it costs the rows written since {@code at}.
   */
  private long mark(String table, String written, long after, Instant at) {
    return sql.first(
            "SELECT id FROM "
                + table
                + " WHERE id > ? AND "
                + written
                + " < ? ORDER BY id DESC LIMIT 1",
            rs -> rs.getLong(1),
            after,
            at)
        .orElse(after);
  }

  @Override
  public void saveMarks(long runId, Marks m) {
    sql.update(
        "UPDATE reconciliation_run SET marks_at = ?, call_mark = ?, entry_mark = ?, "
            + "funding_mark = ?, lot_mark = ? WHERE id = ?",
        m.at(),
        m.call(),
        m.entry(),
        m.funding(),
        m.lot(),
        runId);
  }

  @Override // DAILY_TOTAL_MISMATCH (issue 15)
  public List<HourlySpendDiff> hourlySpendDiffs() {
    return sql.list(
        ReconciliationSql.HOURLY_SPEND_DIFFS,
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
