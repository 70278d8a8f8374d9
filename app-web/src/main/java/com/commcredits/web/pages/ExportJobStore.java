package com.commcredits.web.pages;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The background exports' rows ({@code export_job}, V34), so every server sharing the database sees
 * a job's state: written when it starts, every thousand rows and when it ends. Plain JDBC in
 * auto-commit: the export runs outside any transaction and a progress row must not wait for one.
 */
@ApplicationScoped
public class ExportJobStore {
  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  @Inject Clock clock;

  /** Writes a running job's progress (every thousand rows). */
  public void progress(ExportJobs.Job job) {
    try {
      progress(job.id(), job.written(), clock.instant());
    } catch (RuntimeException e) {
      // the progress shown by other servers lags; the export itself goes on
    }
  }

  /** Writes a job's end. */
  public void finished(ExportJobs.Job job) {
    try {
      finish(job.id(), job.written(), job.status(), job.finishedAt());
    } catch (RuntimeException e) {
      // this server still shows the outcome; elsewhere the row goes silent, then failed
    }
  }

  /** A job as its row says. */
  record Row(
      String id,
      long organisationId,
      long adminId,
      String format,
      long total,
      long written,
      ExportJobs.Status status,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt) {}

  void insert(ExportJobs.Job job, long organisationId, long adminId) {
    update(
        "INSERT INTO export_job (id, organisation_id, admin_id, format, total, written, status,"
            + " started_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 'RUNNING', ?, ?)",
        job.id(),
        organisationId,
        adminId,
        job.format(),
        job.total(),
        utc(job.startedAt()),
        utc(job.startedAt()));
  }

  void progress(String id, long written, Instant at) {
    update(
        "UPDATE export_job SET written = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'",
        written,
        utc(at),
        id);
  }

  void finish(String id, long written, ExportJobs.Status status, Instant at) {
    update(
        "UPDATE export_job SET written = ?, status = ?, updated_at = ?, finished_at = ?"
            + " WHERE id = ?",
        written,
        status.name(),
        utc(at),
        utc(at),
        id);
  }

  /**
   * The job as its row says, its file in {@code dir}; a RUNNING row not updated since {@code
   * silentBefore} belongs to a server that stopped, and shows as failed.
   */
  Optional<ExportJobs.Job> find(String id, Path dir, Instant silentBefore) {
    return select("SELECT * FROM export_job WHERE id = ?", id).stream()
        .findFirst()
        .map(
            row ->
                new ExportJobs.Job(
                        row.id(),
                        row.organisationId(),
                        row.adminId(),
                        row.format(),
                        row.total(),
                        ExportJobs.fileOf(dir, row.id(), row.format()),
                        row.startedAt())
                    .restore(
                        row.written(),
                        row.status() == ExportJobs.Status.RUNNING
                                && row.updatedAt().isBefore(silentBefore)
                            ? ExportJobs.Status.FAILED
                            : row.status(),
                        row.finishedAt()));
  }

  /**
   * Deletes the rows and files of jobs finished before the limit, and of RUNNING ones whose server
   * stopped reporting before it (any server's).
   */
  void removeExpired(Instant limit, Path dir) {
    for (Row row :
        select(
            "SELECT * FROM export_job WHERE finished_at < ?"
                + " OR (finished_at IS NULL AND updated_at < ?)",
            utc(limit),
            utc(limit))) {
      try {
        Files.deleteIfExists(ExportJobs.fileOf(dir, row.id(), row.format()));
      } catch (IOException e) {
        continue; // tried again at the next clean-up
      }
      forget(row.id());
    }
  }

  /** Deletes the row (a job that could not be started, or expired). */
  void forget(String id) {
    try {
      update("DELETE FROM export_job WHERE id = ?", id);
    } catch (RuntimeException e) {
      // the row goes silent and is removed by the clean-up
    }
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    LocalDateTime at = r.getObject(column, LocalDateTime.class);
    return at == null ? null : at.toInstant(ZoneOffset.UTC);
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("export_job: " + e.getMessage(), e);
    }
  }

  private List<Row> select(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<Row> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(
                  r.getString("id"),
                  r.getLong("organisation_id"),
                  r.getLong("admin_id"),
                  r.getString("format"),
                  r.getLong("total"),
                  r.getLong("written"),
                  ExportJobs.Status.valueOf(r.getString("status")),
                  instant(r, "started_at"),
                  instant(r, "updated_at"),
                  instant(r, "finished_at")));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("export_job: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
