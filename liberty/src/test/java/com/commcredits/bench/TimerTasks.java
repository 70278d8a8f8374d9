package com.commcredits.bench;

import com.commcredits.it.Fixtures;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Liberty's persistent EJB timers as the shared database holds them ({@code EJBTIMER_TASK} and
 * {@code EJBTIMER_PART} in the timer schema, server.xml's {@code databaseStore}): each task belongs
 * to a partition, one per server ({@code LSERVER}), and carries its next run ({@code NEXTEXEC}, ms
 * since the epoch) and its last start ({@code PREVSTART}).
 */
final class TimerTasks {
  private static final String SCHEMA =
      System.getProperty("fault.timerSchema", "commcredits_timers");

  private TimerTasks() {}

  record Task(long id, String name, long nextExec, long partition, String server, Long prevStart) {}

  record Run(String server, long startedMillis) {}

  static List<Task> all() throws SQLException {
    List<Task> tasks = new ArrayList<>();
    try (var c = Fixtures.connect();
        var ps =
            c.prepareStatement(
                "SELECT t.ID, t.INAME, t.NEXTEXEC, t.PARTN, p.LSERVER, t.PREVSTART FROM "
                    + SCHEMA
                    + ".EJBTIMER_TASK t LEFT JOIN "
                    + SCHEMA
                    + ".EJBTIMER_PART p ON p.ID = t.PARTN ORDER BY t.ID");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        long prev = rs.getLong(6);
        tasks.add(
            new Task(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.wasNull() ? null : prev));
      }
    }
    return tasks;
  }

  /** The server whose partition holds the most timers ("" when there are none). */
  static String owner(List<Task> tasks) {
    Map<String, Long> perServer =
        tasks.stream()
            .filter(t -> t.server() != null)
            .collect(Collectors.groupingBy(Task::server, Collectors.counting()));
    return perServer.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("");
  }

  /**
   * The timer to make due: the hourly runway check when it can be told by name (harmless to run at
   * any time), else the server's timer due soonest.
   */
  static Task pick(List<Task> tasks, String server) {
    List<Task> mine =
        tasks.stream().filter(t -> server.equalsIgnoreCase(String.valueOf(t.server()))).toList();
    List<Task> from = mine.isEmpty() ? tasks : mine;
    if (from.isEmpty()) {
      throw new AssertionError("no persistent timer in " + SCHEMA + ".EJBTIMER_TASK");
    }
    Function<String, Task> named =
        part ->
            from.stream()
                .filter(t -> String.valueOf(t.name()).toLowerCase().contains(part))
                .findFirst()
                .orElse(null);
    Task runway = named.apply("runway");
    return runway != null
        ? runway
        : from.stream().min(Comparator.comparingLong(Task::nextExec)).orElseThrow();
  }

  /** Makes the timer due at {@code millis} (its server is dead: no one holds it in memory). */
  static void makeDue(Task task, long millis) {
    Fixtures.update(
        "UPDATE " + SCHEMA + ".EJBTIMER_TASK SET NEXTEXEC = ? WHERE ID = ?", millis, task.id());
  }

  /** Waits until the timer has run after {@code dueMillis}: its next run moved past it. */
  static Run awaitRun(Task task, long dueMillis, Duration limit) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      Task now =
          all().stream()
              .filter(t -> t.id() == task.id())
              .findFirst()
              .orElseThrow(AssertionError::new);
      if (now.nextExec() > dueMillis) {
        long started =
            now.prevStart() != null && now.prevStart() >= dueMillis
                ? now.prevStart()
                : System.currentTimeMillis();
        System.out.println("FaultCampaign: timer after failover " + now);
        return new Run(now.server(), started);
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("timer " + task + " did not run within " + limit);
  }
}
