package com.commcredits.bench;

import com.commcredits.it.Fixtures;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Liberty's persistent EJB timers as the shared database holds them ({@code EJBTIMER_TASK} in the
 * timer schema, server.xml's {@code databaseStore}). With failover ({@code missedTaskThreshold}) a
 * task belongs to no server: {@code PARTN} is a claim's expiry (ms since the epoch; -1 never
 * claimed). A server polling every {@code pollInterval} claims the tasks due before its next poll,
 * writing {@code PARTN = max(now, NEXTEXEC) + missedTaskThreshold}, and runs them at {@code
 * NEXTEXEC}; a claim that expires unrun (its server died) is taken by the next server to poll.
 */
final class TimerTasks {
  private static final String SCHEMA =
      System.getProperty("fault.timerSchema", "commcredits_timers");

  /** server.xml's missedTaskThreshold. */
  static final long MISSED_TASK_MILLIS = Long.getLong("fault.missedTaskMillis", 100_000);

  private TimerTasks() {}

  record Task(long id, String name, long nextExec, long claim, Long prevStart) {}

  static List<Task> all() throws SQLException {
    List<Task> tasks = new ArrayList<>();
    try (var c = Fixtures.connect();
        var ps =
            c.prepareStatement(
                "SELECT ID, INAME, NEXTEXEC, PARTN, PREVSTART FROM "
                    + SCHEMA
                    + ".EJBTIMER_TASK ORDER BY ID");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        long prev = rs.getLong(5);
        Long prevStart = rs.wasNull() ? null : prev;
        tasks.add(
            new Task(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), prevStart));
      }
    }
    return tasks;
  }

  /**
   * The timer to make due: the hourly runway check (RechargeTimers' only persistent timer, harmless
   * to run at any time) when it can be told by name, else the timer due soonest.
   */
  static Task pick(List<Task> tasks) {
    if (tasks.isEmpty()) {
      throw new AssertionError("no persistent timer in " + SCHEMA + ".EJBTIMER_TASK");
    }
    return tasks.stream()
        .filter(t -> String.valueOf(t.name()).contains("RechargeTimers"))
        .findFirst()
        .orElseGet(
            () -> tasks.stream().min(Comparator.comparingLong(Task::nextExec)).orElseThrow());
  }

  /**
   * Makes the timer due at {@code millis} and claimed, as Liberty writes a claim, by a server that
   * then died: the worst case, where the others must wait for the claim to expire.
   */
  static void claimedByTheDead(Task task, long millis) {
    Fixtures.update(
        "UPDATE " + SCHEMA + ".EJBTIMER_TASK SET NEXTEXEC = ?, PARTN = ? WHERE ID = ?",
        millis,
        millis + MISSED_TASK_MILLIS,
        task.id());
  }

  /** Waits until the timer has run after {@code dueMillis}: its next run moved past it. */
  static long awaitRun(Task task, long dueMillis, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      Task now =
          all().stream()
              .filter(t -> t.id() == task.id())
              .findFirst()
              .orElseThrow(AssertionError::new);
      if (now.nextExec() > dueMillis) {
        System.out.println("FaultCampaign: timer after failover " + now);
        return now.prevStart() != null && now.prevStart() >= dueMillis
            ? now.prevStart()
            : System.currentTimeMillis();
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("timer " + task + " did not run within " + limit);
  }
}
