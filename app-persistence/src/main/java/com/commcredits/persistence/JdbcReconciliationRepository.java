package com.commcredits.persistence;

import com.commcredits.reconciliation.Finding;
import com.commcredits.reconciliation.FindingKind;
import com.commcredits.reconciliation.ReconciliationRepository;
import com.commcredits.reconciliation.ReconciliationRun;
import com.commcredits.reconciliation.RunMode;
import com.commcredits.reconciliation.RunStatus;
import com.commcredits.reconciliation.WalletCheck;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reconciliation's rows and reads in plain JDBC on the application's JTA data source (inside a
 * transaction, the same connection as JPA's). Its reads are set-based so a run's cost is a few
 * statements per wallet and a few statements in all for the cross-checks.
 */
@ApplicationScoped
class JdbcReconciliationRepository implements ReconciliationRepository {
  private static final String RUN_COLUMNS =
      "id, mode, status, started_by, timer_date, job_execution_id, started_at, finished_at, "
          + "partitions_total, partitions_done, wallets_checked, entries_checked, lots_expired, "
          + "payments_settled, findings, error";

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T with(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new PersistenceException("Reconciliation query failed: " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant t) {
        ps.setTimestamp(i + 1, UtcTimestamps.of(t));
      } else if (a instanceof LocalDate d) {
        ps.setDate(i + 1, Date.valueOf(d));
      } else if (a == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setObject(i + 1, a);
      }
    }
    return ps;
  }

  private int update(String sql, Object... args) {
    return with(
        c -> {
          try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
          }
        });
  }

  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> list(String sql, Mapper<T> mapper, Object... args) {
    return with(
        c -> {
          List<T> out = new ArrayList<>();
          try (PreparedStatement ps = prepare(c, sql, args);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(mapper.map(rs));
            }
          }
          return out;
        });
  }

  private <T> Optional<T> first(String sql, Mapper<T> mapper, Object... args) {
    List<T> rows = list(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  @Override
  public Optional<Long> claim(RunMode mode, String startedBy, LocalDate timerDate, Instant now) {
    return with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO reconciliation_run (mode, status, started_by, timer_date, "
                      + "running_flag, started_at) VALUES (?, 'RUNNING', ?, ?, 1, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, mode.name());
            ps.setString(2, startedBy);
            if (timerDate == null) {
              ps.setNull(3, Types.DATE);
            } else {
              ps.setDate(3, Date.valueOf(timerDate));
            }
            ps.setTimestamp(4, UtcTimestamps.of(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return Optional.of(keys.getLong(1));
            }
          } catch (SQLIntegrityConstraintViolationException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public boolean reclaim(long runId) {
    try {
      return update(
              "UPDATE reconciliation_run SET status = 'RUNNING', running_flag = 1, finished_at = NULL, "
                  + "error = NULL, partitions_done = 0 WHERE id = ? AND status = 'FAILED'",
              runId)
          == 1;
    } catch (PersistenceException e) {
      if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void attachExecution(long runId, long executionId) {
    update("UPDATE reconciliation_run SET job_execution_id = ? WHERE id = ?", executionId, runId);
  }

  private static ReconciliationRun run(ResultSet rs) throws SQLException {
    Date timerDate = rs.getDate("timer_date");
    return new ReconciliationRun(
        rs.getLong("id"),
        RunMode.valueOf(rs.getString("mode")),
        RunStatus.valueOf(rs.getString("status")),
        rs.getString("started_by"),
        timerDate == null ? null : timerDate.toLocalDate(),
        nullableLong(rs, "job_execution_id"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        rs.getInt("partitions_total"),
        rs.getInt("partitions_done"),
        rs.getLong("wallets_checked"),
        rs.getLong("entries_checked"),
        rs.getInt("lots_expired"),
        rs.getInt("payments_settled"),
        rs.getInt("findings"),
        rs.getString("error"));
  }

  @Override
  public Optional<ReconciliationRun> find(long runId) {
    return first(
        "SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE id = ?",
        JdbcReconciliationRepository::run,
        runId);
  }

  @Override
  public List<ReconciliationRun> list(int limit) {
    return list(
        "SELECT " + RUN_COLUMNS + " FROM reconciliation_run ORDER BY id DESC LIMIT ?",
        JdbcReconciliationRepository::run,
        limit);
  }

  @Override
  public List<ReconciliationRun> running() {
    return list(
        "SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE status = 'RUNNING' ORDER BY id",
        JdbcReconciliationRepository::run);
  }

  @Override
  public void partitions(long runId, int total) {
    update("UPDATE reconciliation_run SET partitions_total = ? WHERE id = ?", total, runId);
  }

  @Override
  public void partitionDone(long runId) {
    update(
        "UPDATE reconciliation_run SET partitions_done = partitions_done + 1 WHERE id = ?", runId);
  }

  @Override
  public void progress(long runId, long wallets, long entries) {
    update(
        "UPDATE reconciliation_run SET wallets_checked = wallets_checked + ?, "
            + "entries_checked = entries_checked + ? WHERE id = ?",
        wallets,
        entries,
        runId);
  }

  @Override
  public void lotsExpired(long runId, int lots) {
    update(
        "UPDATE reconciliation_run SET lots_expired = lots_expired + ? WHERE id = ?", lots, runId);
  }

  @Override
  public void paymentsSettled(long runId, int payments) {
    update(
        "UPDATE reconciliation_run SET payments_settled = payments_settled + ? WHERE id = ?",
        payments,
        runId);
  }

  @Override
  public void finish(long runId, RunStatus status, String error, Instant now) {
    update(
        "UPDATE reconciliation_run SET status = ?, error = ?, finished_at = ?, running_flag = NULL, "
            + "findings = (SELECT COUNT(*) FROM reconciliation_finding WHERE run_id = ?) WHERE id = ?",
        status.name(),
        error == null ? null : error.substring(0, Math.min(600, error.length())),
        now,
        runId,
        runId);
  }

  @Override
  public long[] walletIdRange() {
    return first(
            "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM wallet",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)})
        .orElse(new long[] {0, -1});
  }

  @Override
  public List<Long> walletIds(long from, long to, long after, int limit) {
    return list(
        "SELECT id FROM wallet WHERE id >= ? AND id <= ? AND id > ? ORDER BY id LIMIT ?",
        rs -> rs.getLong(1),
        from,
        to,
        after,
        limit);
  }

  @Override
  public WalletFacts lockedFacts(long walletId) {
    return with(
        c -> {
          long org;
          BigDecimal balance;
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT organisation_id, balance FROM wallet WHERE id = ? LOCK IN SHARE MODE",
                      walletId);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            org = rs.getLong(1);
            balance = rs.getBigDecimal(2);
          }
          try (PreparedStatement ps =
                  prepare(
                      c,
                      "SELECT (SELECT COALESCE(SUM(remaining), 0) FROM funding_lot WHERE wallet_id = ?), "
                          + "(SELECT COALESCE(MAX(id), 0) FROM ledger_entry WHERE wallet_id = ?)",
                      walletId,
                      walletId);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new WalletFacts(walletId, org, balance, rs.getBigDecimal(1), rs.getLong(2));
          }
        });
  }

  @Override
  public LedgerDelta ledgerAfter(long walletId, long afterEntryId, long upToEntryId) {
    return first(
            "SELECT COALESCE(SUM(amount), 0), COUNT(*), COALESCE(MAX(id), 0) FROM ledger_entry "
                + "WHERE wallet_id = ? AND id > ? AND id <= ?",
            rs -> new LedgerDelta(rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3)),
            walletId,
            afterEntryId,
            upToEntryId)
        .orElseThrow();
  }

  @Override
  public List<LotFacts> lots(long walletId) {
    return list(
        "SELECT l.id, l.amount, l.remaining, "
            + "(SELECT COALESCE(SUM(a.amount), 0) FROM lot_allocation a WHERE a.lot_id = l.id) "
            + "FROM funding_lot l WHERE l.wallet_id = ? ORDER BY l.id",
        rs ->
            new LotFacts(
                rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
        walletId);
  }

  private static WalletCheck check(ResultSet rs) throws SQLException {
    return new WalletCheck(
        rs.getLong("wallet_id"),
        rs.getLong("run_id"),
        rs.getLong("last_entry_id"),
        rs.getBigDecimal("ledger_sum"),
        rs.getBigDecimal("balance"),
        rs.getBigDecimal("lot_remainders"),
        rs.getLong("entries"),
        rs.getBoolean("matched"),
        instant(rs, "checked_at"));
  }

  @Override
  public Optional<WalletCheck> checkpoint(long walletId) {
    return first(
        "SELECT * FROM reconciliation_checkpoint WHERE wallet_id = ?",
        JdbcReconciliationRepository::check,
        walletId);
  }

  @Override
  public void saveCheckpoint(WalletCheck k) {
    update(
        "INSERT INTO reconciliation_checkpoint (wallet_id, run_id, last_entry_id, ledger_sum, balance, "
            + "lot_remainders, entries, matched, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), last_entry_id = VALUES(last_entry_id), "
            + "ledger_sum = VALUES(ledger_sum), balance = VALUES(balance), "
            + "lot_remainders = VALUES(lot_remainders), entries = VALUES(entries), "
            + "matched = VALUES(matched), checked_at = VALUES(checked_at)",
        k.walletId(),
        k.runId(),
        k.lastEntryId(),
        k.ledgerSum(),
        k.balance(),
        k.lotRemainders(),
        k.entries(),
        k.matched(),
        k.checkedAt());
  }

  @Override
  public void addFindings(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT IGNORE INTO reconciliation_finding (run_id, kind, organisation_id, wallet_id, "
                      + "subject, expected, actual, detail, found_at) "
                      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))")) {
            for (Finding f : findings) {
              ps.setLong(1, f.runId());
              ps.setString(2, f.kind().name());
              ps.setObject(3, f.organisationId(), Types.BIGINT);
              ps.setObject(4, f.walletId(), Types.BIGINT);
              ps.setString(5, f.subject());
              ps.setString(6, f.expected());
              ps.setString(7, f.actual());
              ps.setString(8, f.detail().substring(0, Math.min(600, f.detail().length())));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public List<Finding> crossChecks(long runId, Instant settledBefore) {
    List<Finding> out = new ArrayList<>();
    // a rated call with a charge and no ledger charge (none recorded, or the entry is missing)
    out.addAll(
        list(
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
        list(
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
        list(
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
        list(
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
        list(
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
        list(
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
    return list(
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
    return first(
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

  private static Finding finding(ResultSet rs) throws SQLException {
    return new Finding(
        rs.getLong("id"),
        rs.getLong("run_id"),
        FindingKind.valueOf(rs.getString("kind")),
        nullableLong(rs, "organisation_id"),
        nullableLong(rs, "wallet_id"),
        rs.getString("subject"),
        rs.getString("expected"),
        rs.getString("actual"),
        rs.getString("detail"),
        instant(rs, "found_at"));
  }

  @Override
  public List<Finding> findings(
      long runId, FindingKind kind, Long organisationId, int offset, int limit) {
    return list(
        "SELECT * FROM reconciliation_finding WHERE run_id = ? AND (? IS NULL OR kind = ?) "
            + "AND (? IS NULL OR organisation_id = ?) ORDER BY id LIMIT ? OFFSET ?",
        JdbcReconciliationRepository::finding,
        runId,
        kind == null ? null : kind.name(),
        kind == null ? null : kind.name(),
        organisationId,
        organisationId,
        limit,
        offset);
  }

  @Override
  public long countFindings(long runId, FindingKind kind, Long organisationId) {
    return first(
            "SELECT COUNT(*) FROM reconciliation_finding WHERE run_id = ? AND (? IS NULL OR kind = ?) "
                + "AND (? IS NULL OR organisation_id = ?)",
            rs -> rs.getLong(1),
            runId,
            kind == null ? null : kind.name(),
            kind == null ? null : kind.name(),
            organisationId,
            organisationId)
        .orElse(0L);
  }

  @Override
  public boolean isOperator(long organisationId) {
    return first(
            "SELECT publishes_rates FROM organisation WHERE id = ?",
            rs -> rs.getBoolean(1),
            organisationId)
        .orElse(false);
  }

  @Override
  public List<Long> operatorOrganisations() {
    return list(
        "SELECT id FROM organisation WHERE publishes_rates = TRUE ORDER BY id",
        rs -> rs.getLong(1));
  }

  @Override
  public Optional<WalletCheck> lastCheckOfOrganisation(long organisationId) {
    return first(
        "SELECT k.* FROM reconciliation_checkpoint k JOIN wallet w ON w.id = k.wallet_id "
            + "WHERE w.organisation_id = ?",
        JdbcReconciliationRepository::check,
        organisationId);
  }
}
