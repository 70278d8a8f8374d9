package com.commcredits.web.pages;

import com.commcredits.config.AppSettings;
import com.commcredits.rating.UsageFilter;
import com.commcredits.shared.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Large PSTN usage exports written in the background to a temporary file while the admin watches
 * the progress (rows written of rows selected); the file is kept an hour for download, then deleted
 * by a periodic clean-up ({@link ExportCleanup}), and every file goes when the application stops.
 * At most {@value #RUNNING_PER_ADMIN} run at once per admin and {@value #RUNNING_PER_SERVER} per
 * server, so exports cannot take every container thread and connection from the pages and the
 * rating API (the limits are this server's: two servers admit twice as many). A job is seen only by
 * the admin who started it. A job's state is also a database row ({@link ExportJobStore}) and its
 * file is in EXPORT_DIR, a directory the servers share, so behind a load balancer the progress page
 * and the download work on any server; the server running a job keeps its live progress in memory
 * and writes it to the row every thousand rows.
 */
@ApplicationScoped
public class ExportJobs {
  static final Duration KEPT = Duration.ofHours(1);
  static final int RUNNING_PER_ADMIN = 2;
  static final int RUNNING_PER_SERVER = 6;

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  @Inject ExportRunner runner;
  @Inject Clock clock;
  @Inject AppSettings settings;
  @Inject ExportJobStore store;

  /** A RUNNING row not updated for this long belongs to a server that stopped: it failed. */
  static final Duration SILENT = Duration.ofMinutes(10);

  /** Every this many rows the running server writes the progress to the job's row. */
  static final int PROGRESS_EVERY = 1000;

  /**
   * Whether an export of this many rows runs in the background with a progress page (more than
   * EXPORT_BACKGROUND_ROWS); smaller ones stream at once.
   */
  public boolean runsInBackground(long rows) {
    return rows > settings.exportBackgroundRows();
  }

  /** Why an export may not start now. */
  public enum Busy {
    /** The admin already has {@value ExportJobs#RUNNING_PER_ADMIN} exports running. */
    ADMIN,
    /** The server already runs {@value ExportJobs#RUNNING_PER_SERVER} exports. */
    SERVER
  }

  /** Refuses an export while too many are running; the page says which limit and to wait. */
  public static final class TooManyExports extends Exception {
    private static final long serialVersionUID = 1L;
    private final Busy busy;

    TooManyExports(Busy busy) {
      super("Too many exports running (" + busy + ")");
      this.busy = busy;
    }

    public Busy busy() {
      return busy;
    }
  }

  /**
   * The admission rule: empty when one more export by this admin may start beside the jobs given,
   * otherwise which limit it would pass (the admin's own is named first).
   */
  static Optional<Busy> admission(Collection<Job> jobs, long organisationId, long adminId) {
    long mine = 0;
    long all = 0;
    for (Job job : jobs) {
      if (job.status() == Status.RUNNING) {
        all++;
        if (job.organisationId == organisationId && job.adminId == adminId) {
          mine++;
        }
      }
    }
    if (mine >= RUNNING_PER_ADMIN) {
      return Optional.of(Busy.ADMIN);
    }
    return all >= RUNNING_PER_SERVER ? Optional.of(Busy.SERVER) : Optional.empty();
  }

  /** Where a job is: running, done (file ready) or failed. */
  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  /** One export: who asked, what, how far it has got. */
  public static final class Job {
    private final String id;
    private final long organisationId;
    private final long adminId;
    private final String format;
    private final long total;
    private final Path file;
    private final Instant startedAt;
    private final AtomicLong written = new AtomicLong();
    private volatile Status status = Status.RUNNING;
    private volatile Instant finishedAt;
    private volatile ExportJobStore listener; // writes progress and end to the row

    Job(
        String id,
        long organisationId,
        long adminId,
        String format,
        long total,
        Path file,
        Instant startedAt) {
      this.id = id;
      this.organisationId = organisationId;
      this.adminId = adminId;
      this.format = format;
      this.total = total;
      this.file = file;
      this.startedAt = startedAt;
    }

    public String id() {
      return id;
    }

    public String format() {
      return format;
    }

    public long total() {
      return total;
    }

    public long written() {
      return written.get();
    }

    /** Done in per cent, 0 to 100. */
    public int percent() {
      return status == Status.DONE
          ? 100
          : total == 0 ? 0 : (int) Math.min(99, written.get() * 100 / total);
    }

    public Status status() {
      return status;
    }

    public Instant startedAt() {
      return startedAt;
    }

    public Instant finishedAt() {
      return finishedAt;
    }

    public String filename() {
      return "pstn-usage." + format;
    }

    Path file() {
      return file;
    }

    void rowWritten() {
      long rows = written.incrementAndGet();
      ExportJobStore l = listener;
      if (l != null && rows % PROGRESS_EVERY == 0) {
        l.progress(this);
      }
    }

    void finish(Status outcome, Instant at) {
      finishedAt = at;
      status = outcome;
      ExportJobStore l = listener;
      if (l != null) {
        l.finished(this);
      }
    }

    /** A job read from its row (another server runs or ran it) takes the row's state. */
    Job restore(long rows, Status outcome, Instant finished) {
      written.set(rows);
      status = outcome;
      finishedAt = finished;
      return this;
    }
  }

  static Path fileOf(Path dir, String id, String format) {
    return dir.resolve(id + "." + format);
  }

  /**
   * Starts an export of the filter's rows (about {@code total}) in the background, unless the admin
   * or the server already runs as many as allowed.
   */
  public Job start(Caller caller, long adminId, UsageFilter filter, String format, long total)
      throws IOException, TooManyExports {
    removeExpired();
    Job job;
    synchronized (this) { // the count and the new job in one step, so two clicks cannot both pass
      Optional<Busy> busy = admission(jobs.values(), caller.organisationId(), adminId);
      if (busy.isPresent()) {
        throw new TooManyExports(busy.get());
      }
      String id = UUID.randomUUID().toString();
      Files.createDirectories(settings.exportDir());
      Path file = Files.createFile(fileOf(settings.exportDir(), id, format));
      job = new Job(id, caller.organisationId(), adminId, format, total, file, clock.instant());
      jobs.put(job.id(), job);
    }
    try {
      store.insert(job, caller.organisationId(), adminId);
      job.listener = store;
      runner.run(job, caller, filter);
    } catch (RuntimeException e) {
      // not even queued: the job must not count against the limits
      jobs.remove(job.id());
      delete(job);
      store.forget(job.id());
      throw e;
    }
    return job;
  }

  /** The job, if this admin of this organisation started it (on this server or another). */
  public Optional<Job> find(Caller caller, long adminId, String id) {
    removeExpired();
    Job job = id == null ? null : jobs.get(id);
    if (job == null && id != null && id.length() <= 36) {
      job = store.find(id, settings.exportDir(), clock.instant().minus(SILENT)).orElse(null);
    }
    return job != null && job.organisationId == caller.organisationId() && job.adminId == adminId
        ? Optional.of(job)
        : Optional.empty();
  }

  /** Forgets jobs finished more than an hour ago and deletes their files. */
  void removeExpired() {
    Instant limit = clock.instant().minus(KEPT);
    jobs.values()
        .removeIf(
            job -> {
              boolean old = job.finishedAt() != null && job.finishedAt().isBefore(limit);
              if (old) {
                delete(job);
              }
              return old;
            });
  }

  /** The periodic clean-up: also every server's rows and files an hour old (ExportJobStore). */
  void removeExpiredEverywhere() {
    removeExpired();
    store.removeExpired(clock.instant().minus(KEPT), settings.exportDir());
  }

  /** At stop this server's running jobs fail; finished files stay for the other servers. */
  @PreDestroy
  void stopRunning() {
    for (Job job : jobs.values()) {
      if (job.status() == Status.RUNNING) {
        job.finish(Status.FAILED, clock.instant()); // its row too, through the listener
        delete(job);
      }
    }
    jobs.clear();
  }

  private static void delete(Job job) {
    try {
      Files.deleteIfExists(job.file());
    } catch (IOException e) {
      // a temporary file; the operating system cleans its temporary directory
    }
  }
}
