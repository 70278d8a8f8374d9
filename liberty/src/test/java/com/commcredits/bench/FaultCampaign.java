package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.it.ApiClient;
import com.commcredits.it.EmbeddedDatabaseSession;
import com.commcredits.it.Fixtures;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's fault campaign against real processes: a Liberty server of its own started with {@code
 * wlp/bin/server run} (not Arquillian's), on the test run's embedded MariaDB. Run like the
 * benchmarks: {@code -Dit.test=FaultCampaign} (README, "Fault campaign"). Implemented: fault 1,
 * kill -9 mid-rating ({@code fault.kills} times). Prints {@code RESULT <fault> ...} lines and a
 * table.
 */
class FaultCampaign {
  private static final int PORT = Integer.getInteger("fault.http.port", 9281);
  private static final int HTTPS_PORT = Integer.getInteger("fault.https.port", 9282);
  private static final int KILLS = Integer.getInteger("fault.kills", 3);
  private static final int THREADS = 2;
  private static final int BATCH = 1000;
  private static final int BATCHES_PER_THREAD = Integer.getInteger("fault.batches", 12);
  private static final List<String> RESULTS = new ArrayList<>();

  private static Process server;

  private final URI root = URI.create("http://localhost:" + PORT + "/");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** The Liberty directory and this campaign's server, made from the test server's directory. */
  private static Path serverDir() throws IOException {
    Path testServer = Path.of(System.getProperty("wlp.server.dir"));
    Path dir = testServer.resolveSibling(System.getProperty("it.server.name") + "Fault");
    try (var files = Files.walk(testServer)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = testServer.relativize(source);
        String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        if (List.of("logs", "workarea", "resources", "apps", "dropins").contains(first)) {
          continue;
        }
        Path target = dir.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path overrides = dir.resolve("configDropins/overrides");
    Files.createDirectories(overrides);
    Files.deleteIfExists(overrides.resolve("arquillian.xml"));
    Files.writeString(
        overrides.resolve("application.xml"),
        "<server><webApplication id=\"commcredits\" location=\""
            + Path.of(System.getProperty("app.war")).toAbsolutePath()
            + "\" contextRoot=\"/\"/></server>");
    return dir;
  }

  private static Process start() throws IOException {
    Path dir = serverDir();
    Path wlp = dir.getParent().getParent().getParent();
    ProcessBuilder builder =
        new ProcessBuilder(
                wlp.resolve("bin/server").toString(), "run", dir.getFileName().toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolveSibling("fault-console.log").toFile()));
    Map<String, String> env = builder.environment(); // the test JVM's: DB_*, SMTP_* of this run
    env.put("HTTP_PORT", String.valueOf(PORT));
    env.put("HTTPS_PORT", String.valueOf(HTTPS_PORT));
    return builder.start();
  }

  /** kill -9 of the server's Java process (bin/server run's child) and the script. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      kill(server);
    }
  }

  /** Seconds until /health/ready answers 200. */
  private double awaitReady() throws Exception {
    long started = System.nanoTime();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(root.resolve("health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server did not become ready in 5 minutes");
  }

  private static String batch(String run, int thread, int b, String upn, Instant start) {
    return batch(run, thread, b, upn, start, BATCH);
  }

  private static String batch(String run, int thread, int b, String upn, Instant start, int size) {
    StringBuilder body = new StringBuilder(size * 260).append('[');
    for (int i = 0; i < size; i++) {
      int n = b * size + i;
      int seconds = 30 + (n * 37) % 600;
      Instant at = start.plusSeconds(n % 3000);
      body.append(i == 0 ? "" : ",")
          .append("{\"callId\":\"")
          .append(run + "-" + thread + "-" + n)
          .append("\",\"kind\":\"OUTBOUND\",\"userUpn\":\"")
          .append(upn)
          .append("\",\"from\":\"+14255550100\",\"to\":\"+44207946")
          .append(String.format(Locale.ROOT, "%04d", n % 10_000))
          .append("\",\"start\":\"")
          .append(at)
          .append("\",\"end\":\"")
          .append(at.plusSeconds(seconds))
          .append("\",\"durationSeconds\":")
          .append(seconds)
          .append('}');
    }
    return body.append(']').toString();
  }

  /** What the client saw. */
  private static final class Stats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong(); // 503 with a problem body
    final AtomicLong errors = new AtomicLong(); // any other refusal (500, 503 without a problem)
    final AtomicLong slowestMillis = new AtomicLong();
    final AtomicLong notReady = new AtomicLong(); // Liberty up, the application still starting
    volatile String lastError = "";
  }

  private int postUntilAnswered(String key, String body, AtomicLong requests, AtomicLong ok)
      throws InterruptedException {
    Stats stats = new Stats();
    int reposts = postUntilAnswered(key, body, stats);
    requests.addAndGet(stats.requests.get());
    ok.addAndGet(stats.ok.get());
    if (stats.errors.get() > 0) {
      throw new IllegalStateException(stats.lastError);
    }
    return reposts;
  }

  /** Posts until answered 2xx; a batch without an answer is posted again (the platform would). */
  private int postUntilAnswered(String key, String body, Stats stats) throws InterruptedException {
    int reposts = 0;
    while (true) {
      stats.requests.incrementAndGet();
      long sent = System.nanoTime();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(root.resolve("api/v1/calls"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        stats.slowestMillis.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
        if (r.statusCode() / 100 == 2) {
          stats.ok.incrementAndGet();
          return reposts;
        }
        boolean problem =
            r.headers().firstValue("Content-Type").orElse("").contains("problem+json");
        if (r.statusCode() == 503 && problem) {
          stats.unavailable.incrementAndGet();
        } else if (r.statusCode() == 404 && r.body().contains("CONTEXT_ROOT_NOT_FOUND")) {
          // a restarting server listens before the application has started: not an answer
          // (behind a load balancer its /health/ready check keeps traffic away meanwhile)
          stats.notReady.incrementAndGet();
        } else {
          stats.errors.incrementAndGet();
          stats.lastError = "answered " + r.statusCode() + ": " + r.body();
        }
      } catch (IOException noAnswer) {
        // the server died mid-request: post the same batch again once it is back
      }
      reposts++;
      Thread.sleep(500);
    }
  }

  /** Drift: a FULL reconciliation through the API; its findings. */
  private long drift(ApiClient api) throws Exception {
    String key = Fixtures.operator().key(Role.GLOBAL_ADMIN);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    ApiClient.Reply started;
    do {
      started = api.post("reconciliation/runs", key, "{\"mode\":\"FULL\"}");
      if (started.status() == 409) {
        Thread.sleep(2000);
      }
    } while (started.status() == 409 && Instant.now().isBefore(deadline));
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    while (Instant.now().isBefore(deadline)) {
      JsonObject run = api.get("reconciliation/runs/" + id, key).json();
      if (!"RUNNING".equals(run.getString("status"))) {
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        return run.getJsonNumber("findingCount").longValue();
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("the reconciliation did not end in 5 minutes");
  }

  @Test
  void campaign() throws Exception {
    server = start();
    double firstStart = awaitReady();
    System.out.printf(Locale.ROOT, "FaultCampaign: server ready in %.1f s%n", firstStart);
    ApiClient api = new ApiClient(root);
    List<String> failed = new ArrayList<>();
    for (Fault fault : List.<Fault>of(this::killMidRating, this::databaseRestart)) {
      try {
        fault.run(api);
      } catch (AssertionError | Exception e) {
        failed.add(e.toString());
        RESULTS.add("FAILED " + e);
      }
    }
    System.out.println("\n=== Fault campaign ===");
    RESULTS.forEach(System.out::println);
    assertEquals(List.of(), failed);
  }

  private interface Fault {
    void run(ApiClient api) throws Exception;
  }

  /** Fault 1: kill -9 at a random moment while 2 threads post batches of 1,000 calls. */
  private void killMidRating(ApiClient api) throws Exception {
    TestOrg org = Fixtures.organisation("FaultKill", "USD");
    String upn = fundedCaller(api, org);
    String platform = org.key(Role.PLATFORM);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Fixtures.recentCallStart();
    AtomicLong requests = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong reposts = new AtomicLong();
    Random random = new Random();
    List<Double> recoveries = new ArrayList<>();
    Map<String, Boolean> answered = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      clients.add(
          pool.submit(
              () -> {
                for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                  reposts.addAndGet(
                      postUntilAnswered(platform, batch(run, thread, b, upn, start), requests, ok));
                  answered.put(thread + "-" + b, true);
                }
                return null;
              }));
    }
    for (int k = 0; k < KILLS; k++) {
      Thread.sleep(2000 + random.nextInt(6000));
      kill(server);
      long killedAt = System.nanoTime();
      server = start();
      awaitReady();
      recoveries.add((System.nanoTime() - killedAt) / 1e9);
    }
    for (Future<?> client : clients) {
      client.get(15, TimeUnit.MINUTES);
    }
    pool.shutdown();

    long expected = (long) THREADS * BATCHES_PER_THREAD * BATCH;
    long records =
        Fixtures.count(
            "SELECT COUNT(*) FROM call_record WHERE organisation_id = ? AND call_id LIKE ?",
            org.id(),
            run + "-%");
    long distinct =
        Fixtures.count(
            "SELECT COUNT(DISTINCT call_id) FROM call_record WHERE organisation_id = ?"
                + " AND call_id LIKE ?",
            org.id(),
            run + "-%");
    long lost = expected - distinct;
    long doubled = records - distinct;
    long drift = drift(api);
    double recovery = recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    String line =
        String.format(
            Locale.ROOT,
            "RESULT kill-9-mid-rating x%d requests=%d ok=%d lost=%d doubled=%d drift=%d"
                + " recovery=%.1fs (re-posts %d, calls %d)",
            KILLS,
            requests.get(),
            ok.get(),
            lost,
            doubled,
            drift,
            recovery,
            reposts.get(),
            expected);
    System.out.println(line);
    RESULTS.add(line);
    assertEquals(0, lost, "every call rated");
    assertEquals(0, doubled, "no call rated twice");
    assertEquals(0, drift, "the reconciliation finds nothing");
  }

  /** An organisation with callers' licences and 50,000.00 USD; returns the caller's UPN. */
  private static String fundedCaller(ApiClient api, TestOrg org) {
    String upn = api.creditsCaller(org);
    long card = Fixtures.card(org);
    ApiClient.Reply funded =
        api.post(
            "wallet/fundings",
            org.key(Role.GLOBAL_ADMIN),
            UUID.randomUUID().toString(),
            "{\"amount\":{\"amount\":\"50000.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + card
                + "}");
    assertEquals(201, funded.status(), funded.body());
    return upn;
  }

  private String readiness() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(root.resolve("health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200
          ? "UP"
          : r.body().contains("DOWN") ? "DOWN" : "" + r.statusCode();
    } catch (IOException e) {
      return "NO ANSWER";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "INTERRUPTED";
    }
  }

  /**
   * Fault 3: the database stops for {@code fault.dbDownSeconds} (20) while one client posts batches
   * of 100 calls: refusals are 503 problems (no 500), /health/ready goes DOWN then UP, the server
   * recovers without a restart, nothing answered is lost.
   */
  private void databaseRestart(ApiClient api) throws Exception {
    int downSeconds = Integer.getInteger("fault.dbDownSeconds", 20);
    int size = 100;
    TestOrg org = Fixtures.organisation("FaultDb", "USD");
    String upn = fundedCaller(api, org);
    String platform = org.key(Role.PLATFORM);
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Fixtures.recentCallStart();
    Stats stats = new Stats();
    AtomicLong batches = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<String> health = Collections.synchronizedList(new ArrayList<>());
    AtomicLong firstOkAfterRestart = new AtomicLong();
    AtomicLong restartedAt = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<?> client =
        pool.submit(
            () -> {
              for (int b = 0; !stop.get(); b++) {
                postUntilAnswered(platform, batch(run, 0, b, upn, start, size), stats);
                batches.incrementAndGet();
                if (restartedAt.get() != 0) {
                  firstOkAfterRestart.compareAndSet(0, System.nanoTime());
                }
              }
              return null;
            });
    Future<?> watcher =
        pool.submit(
            () -> {
              String last = "";
              while (!stop.get()) {
                String now = readiness();
                if (!now.equals(last)) {
                  health.add(now);
                  last = now;
                }
                Thread.sleep(500);
              }
              return null;
            });
    Thread.sleep(5000);
    var database = EmbeddedDatabaseSession.database();
    database.close();
    Thread.sleep(downSeconds * 1000L);
    database.startAgain();
    restartedAt.set(System.nanoTime());
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (firstOkAfterRestart.get() == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    Thread.sleep(3000);
    stop.set(true);
    client.get(5, TimeUnit.MINUTES);
    watcher.get(1, TimeUnit.MINUTES);
    pool.shutdown();

    long expected = batches.get() * size;
    long records =
        Fixtures.count(
            "SELECT COUNT(*) FROM call_record WHERE organisation_id = ? AND call_id LIKE ?",
            org.id(),
            run + "-%");
    long distinct =
        Fixtures.count(
            "SELECT COUNT(DISTINCT call_id) FROM call_record WHERE organisation_id = ?"
                + " AND call_id LIKE ?",
            org.id(),
            run + "-%");
    long drift = drift(api);
    double recovery =
        firstOkAfterRestart.get() == 0 ? -1 : (firstOkAfterRestart.get() - restartedAt.get()) / 1e9;
    String line =
        String.format(
            Locale.ROOT,
            "RESULT database-restart-%ds requests=%d ok=%d lost=%d doubled=%d drift=%d"
                + " recovery=%.1fs (503 problems %d, other errors %d, slowest answer %d ms,"
                + " /health/ready %s)",
            downSeconds,
            stats.requests.get(),
            stats.ok.get(),
            expected - distinct,
            records - distinct,
            drift,
            recovery,
            stats.unavailable.get(),
            stats.errors.get(),
            stats.slowestMillis.get(),
            String.join(" > ", health));
    System.out.println(line);
    RESULTS.add(line);
    assertEquals(0, expected - distinct, "every answered call kept");
    assertEquals(0, records - distinct, "no call twice");
    assertEquals(0, stats.errors.get(), "no refusal but 503 problems: " + stats.lastError);
    assertEquals(0, drift, "the reconciliation finds nothing");
  }
}
