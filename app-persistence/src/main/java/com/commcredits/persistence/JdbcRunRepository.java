package com.commcredits.persistence;

import static com.commcredits.persistence.ReconciliationSql.instant;
import static com.commcredits.persistence.ReconciliationSql.nullableLong;

import com.commcredits.reconciliation.Finding;
import com.commcredits.reconciliation.FindingKind;
import com.commcredits.reconciliation.ReconciliationRun;
import com.commcredits.reconciliation.RunMode;
import com.commcredits.reconciliation.RunRepository;
import com.commcredits.reconciliation.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation runs and their findings in plain JDBC: the running flag that lets one run go
 * at a time in the cluster, the run's counters, and the findings the operator pages through.
 */
@ApplicationScoped
class JdbcRunRepository implements RunRepository {
  private static final String RUN_COLUMNS =
      "id, mode, status, started_by, timer_date, job_execution_id, started_at, finished_at, "
          + "partitions_total, partitions_done, wallets_checked, entries_checked, lots_expired, "
          + "payments_settled, findings, error";

  @Inject ReconciliationSql sql;

  @Override
  public Optional<Long> claim(RunMode mode, String startedBy, LocalDate timerDate, Instant now) {
    return sql.with(
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
      return sql.update(
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
    sql.update(
        "UPDATE reconciliation_run SET job_execution_id = ? WHERE id = ?", executionId, runId);
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
    return sql.first(
        "SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE id = ?",
        JdbcRunRepository::run,
        runId);
  }

  @Override
  public List<ReconciliationRun> list(int limit) {
    return sql.list(
        "SELECT " + RUN_COLUMNS + " FROM reconciliation_run ORDER BY id DESC LIMIT ?",
        JdbcRunRepository::run,
        limit);
  }

  @Override
  public List<ReconciliationRun> running() {
    return sql.list(
        "SELECT " + RUN_COLUMNS + " FROM reconciliation_run WHERE status = 'RUNNING' ORDER BY id",
        JdbcRunRepository::run);
  }

  @Override
  public void partitions(long runId, int total) {
    sql.update("UPDATE reconciliation_run SET partitions_total = ? WHERE id = ?", total, runId);
  }

  @Override
  public void partitionDone(long runId) {
    sql.update(
        "UPDATE reconciliation_run SET partitions_done = partitions_done + 1 WHERE id = ?", runId);
  }

  @Override
  public void progress(long runId, long wallets, long entries) {
    sql.update(
        "UPDATE reconciliation_run SET wallets_checked = wallets_checked + ?, "
            + "entries_checked = entries_checked + ? WHERE id = ?",
        wallets,
        entries,
        runId);
  }

  @Override
  public void lotsExpired(long runId, int lots) {
    sql.update(
        "UPDATE reconciliation_run SET lots_expired = lots_expired + ? WHERE id = ?", lots, runId);
  }

  @Override
  public void paymentsSettled(long runId, int payments) {
    sql.update(
        "UPDATE reconciliation_run SET payments_settled = payments_settled + ? WHERE id = ?",
        payments,
        runId);
  }

  @Override
  public void finish(long runId, RunStatus status, String error, Instant now) {
    sql.update(
        "UPDATE reconciliation_run SET status = ?, error = ?, finished_at = ?, running_flag = NULL, "
            + "findings = (SELECT COUNT(*) FROM reconciliation_finding WHERE run_id = ?) WHERE id = ?",
        status.name(),
        error == null ? null : error.substring(0, Math.min(600, error.length())),
        now,
        runId,
        runId);
  }

  @Override
  public void addFindings(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    sql.with(
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
    return sql.list(
        "SELECT * FROM reconciliation_finding WHERE run_id = ? AND (? IS NULL OR kind = ?) "
            + "AND (? IS NULL OR organisation_id = ?) ORDER BY id LIMIT ? OFFSET ?",
        JdbcRunRepository::finding,
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
    return sql.first(
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
    return sql.first(
            "SELECT publishes_rates FROM organisation WHERE id = ?",
            rs -> rs.getBoolean(1),
            organisationId)
        .orElse(false);
  }

  @Override
  public List<Long> operatorOrganisations() {
    return sql.list(
        "SELECT id FROM organisation WHERE publishes_rates = TRUE ORDER BY id",
        rs -> rs.getLong(1));
  }
}
