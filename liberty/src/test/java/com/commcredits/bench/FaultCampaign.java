package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.it.ApiClient;
import com.commcredits.it.EmbeddedDatabaseSession;
import com.commcredits.it.Fixtures;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * benchmarks: {@code -Dit.test=FaultCampaign} (README, "Fault campaign"). Faults 1 to 6 of the
 * issue, picked with {@code fault.only}; fault 2 (two servers) is {@link TwoServersFault}. Prints
 * {@code RESULT <fault> ...} lines and a table.
 */
class FaultCampaign {
  static final int PORT = Integer.getInteger("fault.http.port", 9281);
  private static final int HTTPS_PORT = Integer.getInteger("fault.https.port", 9282);
  private static final int KILLS = Integer.getInteger("fault.kills", 3);
  private static final int THREADS = 2;
  private static final int BATCH = 1000;
  private static final int BATCHES_PER_THREAD = Integer.getInteger("fault.batches", 12);
  static final List<String> RESULTS = new ArrayList<>();
  static final List<String> ROWS = new ArrayList<>();

  static Process server;

  private final URI root = URI.create("http://localhost:" + PORT + "/");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  static Process start() throws IOException {
    return FaultServers.start("Fault", PORT, HTTPS_PORT);
  }

  static void kill(Process process) throws InterruptedException {
    FaultServers.kill(process);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      kill(server);
    }
    TwoServersFault.stop();
  }

  /** Seconds until /health/ready answers 200. */
  private double awaitReady() throws Exception {
    return FaultServers.awaitReady(http, root);
  }

  private static String batch(String run, int thread, int b, String upn, Instant start) {
    return batch(run, thread, b, upn, start, BATCH);
  }

  static String batch(String run, int thread, int b, String upn, Instant start, int size) {
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
  static long drift(ApiClient api) throws Exception {
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
    Map<String, Fault> faults = new java.util.LinkedHashMap<>();
    faults.put("1", this::killMidRating);
    faults.put("2", a -> new TwoServersFault().run());
    faults.put("3", this::databaseRestart);
    faults.put("6", this::hotWallet);
    faults.put("4", this::mailOutage);
    faults.put("5", this::gatewayTimeoutsDuringKill);
    List<String> only = List.of(System.getProperty("fault.only", "1,2,3,6,4,5").split(","));
    long campaignStart = System.nanoTime();
    for (Map.Entry<String, Fault> entry : faults.entrySet()) {
      if (!only.contains(entry.getKey())) {
        continue;
      }
      Fault fault = entry.getValue();
      try {
        fault.run(api);
      } catch (AssertionError | Exception e) {
        failed.add(e.toString());
        RESULTS.add("FAILED " + e);
      }
    }
    System.out.println("\n=== Fault campaign ===");
    RESULTS.forEach(System.out::println);
    System.out.println();
    System.out.println("| fault | requests | ok | lost | doubled | drift | recovery |");
    System.out.println("|---|---|---|---|---|---|---|");
    ROWS.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "FaultCampaign: faults %s took %.0f s%n",
        only,
        (System.nanoTime() - campaignStart) / 1e9);
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
    // kill k lands once about k/(KILLS+1) of the batches are answered, plus up to a second: always
    // mid-rating, however fast this machine posts them (a fixed delay missed the load on a quiet
    // one)
    int total = THREADS * BATCHES_PER_THREAD;
    int killsDuringLoad = 0;
    for (int k = 0; k < KILLS; k++) {
      int mark = (k + 1) * total / (KILLS + 1);
      while (answered.size() < mark && clients.stream().anyMatch(c -> !c.isDone())) {
        Thread.sleep(20);
      }
      Thread.sleep(random.nextInt(1000));
      if (answered.size() < total) {
        killsDuringLoad++;
      }
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
    CallCounts counts = CallCounts.of(org.id(), run);
    long records = counts.records();
    long distinct = counts.distinct();
    long lost = expected - distinct;
    long doubled = records - distinct;
    long drift = drift(api);
    double recovery = recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    String line =
        String.format(
            Locale.ROOT,
            "RESULT kill-9-mid-rating x%d requests=%d ok=%d lost=%d doubled=%d drift=%d"
                + " recovery=%.1fs (re-posts %d, calls %d, kills while batches were posted %d)",
            KILLS,
            requests.get(),
            ok.get(),
            lost,
            doubled,
            drift,
            recovery,
            reposts.get(),
            expected,
            killsDuringLoad);
    System.out.println(line);
    RESULTS.add(line);
    row(
        "kill -9 mid-rating ×" + KILLS,
        requests.get(),
        ok.get() + " batches of 1,000",
        lost,
        doubled,
        drift,
        String.format(Locale.ROOT, "%.1f s (kill to ready)", recovery));
    assertEquals(KILLS, killsDuringLoad, "every kill while batches were being posted");
    assertEquals(0, lost, "every call rated");
    assertEquals(0, doubled, "no call rated twice");
    assertEquals(0, drift, "the reconciliation finds nothing");
  }

  /** An organisation with callers' licences and 50,000.00 USD; returns the caller's UPN. */
  static String fundedCaller(ApiClient api, TestOrg org) {
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
    CallCounts counts = CallCounts.of(org.id(), run);
    long records = counts.records();
    long distinct = counts.distinct();
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
    row(
        "database stopped " + downSeconds + " s",
        stats.requests.get(),
        stats.ok.get() + " batches of 100",
        expected - distinct,
        records - distinct,
        drift,
        String.format(Locale.ROOT, "%.1f s (database back to first 2xx)", recovery));
    assertEquals(0, expected - distinct, "every answered call kept");
    assertEquals(0, records - distinct, "no call twice");
    assertEquals(0, stats.errors.get(), "no refusal but 503 problems: " + stats.lastError);
    assertEquals(0, drift, "the reconciliation finds nothing");
  }

  static void row(
      String fault,
      long requests,
      String ok,
      long lost,
      long doubled,
      long drift,
      String recovery) {
    ROWS.add(
        "| " + fault + " | " + requests + " | " + ok + " | " + lost + " | " + doubled + " | "
            + drift + " | " + recovery + " |");
  }

  /** One answer; status -1 when the server gave none (killed, refused, timed out). */
  private record Answer(int status, String body, String contentType, String retryAfter) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  private Answer call(String method, String path, String key, String body, String idempotencyKey)
      throws InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(root.resolve("api/v1/" + path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + key)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.body(),
          r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException noAnswer) {
      return new Answer(-1, noAnswer.toString(), "", null);
    }
  }

  /**
   * Sends until the server answers something final: 2xx, or a refusal that is not "busy" (counted
   * as an error). A 503 problem (with Retry-After) is counted and the same request (same
   * Idempotency-Key) is sent again, as a client must; so is a request without an answer.
   */
  private Answer untilAnswered(
      Stats stats, String method, String path, String key, String body, String idempotencyKey)
      throws InterruptedException {
    while (true) {
      stats.requests.incrementAndGet();
      long sent = System.nanoTime();
      Answer a = call(method, path, key, body, idempotencyKey);
      stats.slowestMillis.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
      if (a.ok()) {
        stats.ok.incrementAndGet();
        return a;
      }
      if (a.status() == 503 && a.contentType().contains("problem+json")) {
        stats.unavailable.incrementAndGet();
        Thread.sleep(a.retryAfter() == null ? 500 : 1000L * Long.parseLong(a.retryAfter()));
      } else if (a.status() == -1
          || (a.status() == 404 && a.body().contains("CONTEXT_ROOT_NOT_FOUND"))) {
        stats.notReady.incrementAndGet();
        Thread.sleep(500);
      } else if (a.status() == 402) {
        // a payment refused (or a funding settled as failed): a final business answer
        return a;
      } else if (a.status() == 409) {
        // the same key still in progress elsewhere: ask again
        stats.unavailable.incrementAndGet();
        Thread.sleep(500);
      } else {
        stats.errors.incrementAndGet();
        stats.lastError = method + " " + path + " answered " + a.status() + ": " + a.body();
        return a;
      }
    }
  }

  private static String money(String amount) {
    return "{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
  }

  /** R-FUND-6 by SQL: |balance − ledger| + |lots − negative − balance| + lots not allocated. */
  static long ledgerMismatches(long wallet) {
    java.math.BigDecimal balance =
        Fixtures.decimal("SELECT balance FROM wallet WHERE id = ?", wallet);
    java.math.BigDecimal ledger =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE wallet_id = ?", wallet);
    java.math.BigDecimal remainders =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(remaining), 0) FROM funding_lot WHERE wallet_id = ?", wallet);
    java.math.BigDecimal negative =
        balance.signum() < 0 ? balance.negate() : java.math.BigDecimal.ZERO;
    long mismatches = 0;
    if (balance.compareTo(ledger) != 0) {
      System.out.println("FaultCampaign: balance " + balance + " <> ledger " + ledger);
      mismatches++;
    }
    if (remainders.subtract(negative).compareTo(balance) != 0) {
      System.out.println(
          "FaultCampaign: lots " + remainders + " - negative " + negative + " <> " + balance);
      mismatches++;
    }
    mismatches +=
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot l WHERE l.wallet_id = ? AND l.amount - l.remaining"
                + " <> (SELECT COALESCE(SUM(a.amount), 0) FROM lot_allocation a"
                + " WHERE a.lot_id = l.id)",
            wallet);
    if (Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ?", wallet) > 0
        && Fixtures.decimal(
                    "SELECT balance_after FROM ledger_entry WHERE wallet_id = ?"
                        + " ORDER BY id DESC LIMIT 1",
                    wallet)
                .compareTo(balance)
            != 0) {
      mismatches++;
    }
    return mismatches;
  }

  static void await(String what, Duration limit, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      Thread.sleep(1000);
    }
  }

  /**
   * Fault 6, hot wallet: {@code fault.hotThreads} (32) threads on ONE wallet for {@code
   * fault.hotSeconds} (60): 28 post batches of 20 calls (each charges the wallet 0.06), 3 add 10.00
   * by card with an Idempotency-Key, and one makes a lot's expiry pass every second (its {@code
   * expires_at} set to a moment ago by SQL: the server's clock cannot be moved, and the next charge
   * or funding expires it, R-FUND-10); auto-recharge (100.00 below 150.00) fires on its own. Lost
   * updates are looked for by SQL (ledger = balance = lots, one record per call, one lot per
   * funding key) and by a FULL reconciliation.
   */
  private void hotWallet(ApiClient api) throws Exception {
    int seconds = Integer.getInteger("fault.hotSeconds", 60);
    int threads = Integer.getInteger("fault.hotThreads", 32);
    int fundingThreads = 3;
    int callThreads = threads - fundingThreads - 1;
    int size = 20;
    TestOrg org = Fixtures.organisation("FaultHot", "USD");
    String upn = api.creditsCaller(org);
    long card = Fixtures.card(org);
    String admin = org.key(Role.GLOBAL_ADMIN);
    String platform = org.key(Role.PLATFORM);
    Stats stats = new Stats();
    Answer first =
        untilAnswered(
            stats,
            "POST",
            "wallet/fundings",
            admin,
            "{\"amount\":" + money("200.00") + ",\"paymentMethodId\":" + card + "}",
            UUID.randomUUID().toString());
    assertEquals(201, first.status(), first.body());
    Answer recharge =
        untilAnswered(
            stats,
            "PUT",
            "wallet/auto-recharge",
            admin,
            "{\"enabled\":true,\"rechargeAmount\":"
                + money("100.00")
                + ",\"triggerBelow\":"
                + money("150.00")
                + ",\"paymentMethodId\":"
                + card
                + "}",
            null);
    assertEquals(200, recharge.status(), recharge.body());
    long wallet = Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id());
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Fixtures.recentCallStart();
    AtomicLong rated = new AtomicLong();
    AtomicLong otherStatus = new AtomicLong();
    AtomicLong fundingsAnswered = new AtomicLong();
    AtomicLong expiriesMade = new AtomicLong();
    AtomicLong expiryRefusals = new AtomicLong();
    List<String> fundingKeys = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < callThreads; t++) {
      int thread = t;
      clients.add(
          pool.submit(
              () -> {
                for (int b = 0; !stop.get(); b++) {
                  Answer a =
                      untilAnswered(
                          stats,
                          "POST",
                          "calls",
                          platform,
                          batch(run, thread, b, upn, start, size),
                          null);
                  if (a.ok()) {
                    for (JsonObject r :
                        Json.createReader(new java.io.StringReader(a.body()))
                            .readArray()
                            .getValuesAs(JsonObject.class)) {
                      (r.getString("status").equals("RATED") ? rated : otherStatus)
                          .incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    for (int t = 0; t < fundingThreads; t++) {
      clients.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  String key = UUID.randomUUID().toString();
                  fundingKeys.add(key);
                  Answer a =
                      untilAnswered(
                          stats,
                          "POST",
                          "wallet/fundings",
                          admin,
                          "{\"amount\":" + money("25.00") + ",\"paymentMethodId\":" + card + "}",
                          key);
                  if (a.ok()) {
                    fundingsAnswered.incrementAndGet();
                  }
                  Thread.sleep(200);
                }
                return null;
              }));
    }
    clients.add(
        pool.submit(
            () -> {
              while (!stop.get()) {
                Thread.sleep(1000);
                // the newest open lot (charges take the oldest first); a short lock wait: a
                // lot locked by a charge is tried again the next second
                // (found by a plain read, then updated by its id: only that row is locked)
                long lot =
                    Fixtures.count(
                        "SELECT COALESCE(MAX(id), 0) FROM funding_lot WHERE wallet_id = ? AND"
                            + " remaining > 0 AND expires_at > UTC_TIMESTAMP(6)",
                        wallet);
                if (lot == 0) {
                  continue;
                }
                try (var c = Fixtures.connect();
                    var wait = c.createStatement();
                    var ps =
                        c.prepareStatement(
                            "UPDATE funding_lot SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1"
                                + " SECOND WHERE id = ? AND remaining > 0")) {
                  wait.execute("SET SESSION innodb_lock_wait_timeout = 3");
                  ps.setLong(1, lot);
                  expiriesMade.addAndGet(ps.executeUpdate());
                } catch (java.sql.SQLException busy) {
                  expiryRefusals.incrementAndGet();
                }
              }
              return null;
            }));
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Future<?> client : clients) {
      client.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    // what is left to settle: recharges in flight, lots whose expiry passed after the last charge
    await(
        "no recharge in flight",
        Duration.ofMinutes(2),
        () ->
            Fixtures.count(
                    "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND in_flight = 1",
                    wallet)
                == 0);
    CallCounts counts = CallCounts.of(org.id(), run);
    long records = counts.records();
    long distinct = counts.distinct();
    long charges =
        Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'CHARGE'",
            wallet);
    long fundingRows =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding WHERE wallet_id = ? AND source <> 'AUTO_RECHARGE'"
                + " AND status = 'SUCCEEDED'",
            wallet);
    long manualLots =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND source <> 'AUTO_RECHARGE'",
            wallet);
    long recharges =
        Fixtures.count(
            "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND status = 'SUCCEEDED'",
            wallet);
    long rechargeLots =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND source = 'AUTO_RECHARGE'",
            wallet);
    long expiredUnderLoad =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND expired_at IS NOT NULL",
            wallet);
    long sqlMismatches = ledgerMismatches(wallet);
    long drift = drift(api); // its first step expires what is due, as the nightly job does
    long expired =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND expired_at IS NOT NULL",
            wallet);
    sqlMismatches += ledgerMismatches(wallet);
    long fundingsExpected = fundingsAnswered.get() + 1; // the first
    long lost =
        Math.max(0, rated.get() - distinct)
            + Math.max(0, fundingsExpected - fundingRows)
            + Math.max(0, distinct - charges)
            + Math.max(0, recharges - rechargeLots);
    long doubled =
        (records - distinct)
            + Math.max(0, fundingRows - fundingsExpected)
            + Math.max(0, charges - distinct)
            + Math.max(0, manualLots - fundingRows)
            + Math.max(0, rechargeLots - recharges);
    String line =
        String.format(
            Locale.ROOT,
            "RESULT hot-wallet-%dthreads-%ds requests=%d ok=%d lost=%d doubled=%d drift=%d"
                + " recovery=0.0s (calls rated %d, other %d, fundings %d, recharges %d, lots"
                + " made due %d (%d tries refused by a lock), expired by the load %d, after the"
                + " reconciliation %d, SQL ledger mismatches %d, 503 retried %d, errors %d,"
                + " slowest answer %d ms)",
            threads,
            seconds,
            stats.requests.get(),
            stats.ok.get(),
            lost,
            doubled,
            drift + sqlMismatches,
            rated.get(),
            otherStatus.get(),
            fundingsAnswered.get(),
            recharges,
            expiriesMade.get(),
            expiryRefusals.get(),
            expiredUnderLoad,
            expired,
            sqlMismatches,
            stats.unavailable.get(),
            stats.errors.get(),
            stats.slowestMillis.get());
    System.out.println(line);
    RESULTS.add(line);
    row(
        "hot wallet, " + threads + " threads " + seconds + " s",
        stats.requests.get(),
        stats.ok.get()
            + " ("
            + rated.get()
            + " calls, "
            + fundingsAnswered.get()
            + " fundings, "
            + recharges
            + " recharges, "
            + expiredUnderLoad
            + " lots expired under load)",
        lost,
        doubled,
        drift + sqlMismatches,
        "n/a (503s retried: " + stats.unavailable.get() + ")");
    assertEquals(0, stats.errors.get(), "no 500 nor deadlock surfaced: " + stats.lastError);
    assertEquals(0, otherStatus.get(), "every call rated");
    assertEquals(0, lost, "nothing lost");
    assertEquals(0, doubled, "nothing twice");
    assertEquals(0, sqlMismatches, "ledger = balance = lots");
    assertEquals(0, drift, "the reconciliation finds nothing");
  }

  /**
   * Fault 4, mail server down: GreenMail is stopped for {@code fault.mailDownSeconds} (120) while
   * the operator makes {@code fault.mails} (20) adjustments of one wallet, each emailed to the
   * organisation's billing contacts (R-NOTIFY-2: written to the outbox with the adjustment);
   * GreenMail starts again and the outbox drains: every notification row SENT, each delivered once.
   */
  private void mailOutage(ApiClient api) throws Exception {
    int downSeconds = Integer.getInteger("fault.mailDownSeconds", 120);
    int mails = Integer.getInteger("fault.mails", 20);
    TestOrg org = Fixtures.organisation("FaultMail", "USD");
    Fixtures.wallet(org);
    Stats stats = new Stats();
    String operator = Fixtures.operator().key(Role.GLOBAL_ADMIN);
    com.commcredits.it.MailServerSession.stop();
    long stoppedAt = System.nanoTime();
    long restartedAt;
    long triedWhileDown;
    try {
      for (int i = 0; i < mails; i++) {
        Answer a =
            untilAnswered(
                stats,
                "POST",
                "operator/organisations/" + org.id() + "/wallet/adjustments",
                operator,
                "{\"direction\":\"CREDIT\",\"amount\":"
                    + money(String.format(Locale.ROOT, "%d.00", i + 1))
                    + ",\"reason\":\"Mail outage "
                    + (i + 1)
                    + "\"}",
                UUID.randomUUID().toString());
        assertEquals(201, a.status(), a.body());
      }
      long left = downSeconds * 1000L - (System.nanoTime() - stoppedAt) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
    } finally {
      triedWhileDown =
          Fixtures.count(
              "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND attempts > 0",
              org.id());
      com.commcredits.it.MailServerSession.restart();
      restartedAt = System.nanoTime();
    }
    long rows =
        Fixtures.count("SELECT COUNT(*) FROM notification WHERE organisation_id = ?", org.id());
    await(
        "the outbox to drain",
        Duration.ofMinutes(6),
        () ->
            Fixtures.count(
                    "SELECT COUNT(*) FROM notification WHERE organisation_id = ?"
                        + " AND status <> 'SENT'",
                    org.id())
                == 0);
    double recovery = (System.nanoTime() - restartedAt) / 1e9;
    Thread.sleep(15_000); // a second delivery, if any, would come within the sender's next runs
    long copiesExpected =
        Fixtures.count(
            "SELECT COALESCE(SUM(LENGTH(recipients) - LENGTH(REPLACE(recipients, ',', '')) + 1),"
                + " 0) FROM notification WHERE organisation_id = ?",
            org.id());
    jakarta.mail.internet.MimeMessage[] received =
        com.commcredits.it.MailServerSession.mail().getReceivedMessagesForDomain(org.domain());
    java.util.Set<String> ids = new java.util.HashSet<>();
    // GreenMail keeps a copy per recipient, each naming all of them: distinct Message-IDs
    Map<String, java.util.Set<String>> idsPerSubject = new java.util.HashMap<>();
    for (jakarta.mail.internet.MimeMessage m : received) {
      ids.add(m.getMessageID());
      idsPerSubject
          .computeIfAbsent(m.getSubject(), k -> new java.util.HashSet<>())
          .add(m.getMessageID());
    }
    long lost = Math.max(0, copiesExpected - received.length) + Math.max(0, rows - ids.size());
    long doubled = Math.max(0, received.length - copiesExpected) + Math.max(0, ids.size() - rows);
    long drift = drift(api);
    String line =
        String.format(
            Locale.ROOT,
            "RESULT mail-down-%ds requests=%d ok=%d lost=%d doubled=%d drift=%d recovery=%.1fs"
                + " (notifications %d, tried while down %d, messages %d, copies %d of %d expected,"
                + " most messages with one subject %d)",
            downSeconds,
            stats.requests.get(),
            stats.ok.get(),
            lost,
            doubled,
            drift,
            recovery,
            rows,
            triedWhileDown,
            ids.size(),
            received.length,
            copiesExpected,
            idsPerSubject.values().stream().mapToInt(java.util.Set::size).max().orElse(0));
    System.out.println(line);
    RESULTS.add(line);
    row(
        "mail server down " + downSeconds + " s",
        stats.requests.get(),
        stats.ok.get() + " adjustments, " + rows + " emails",
        lost,
        doubled,
        drift,
        String.format(Locale.ROOT, "%.1f s (mail back to outbox drained)", recovery));
    assertEquals(mails, rows, "one notification per adjustment");
    assertEquals(mails, triedWhileDown, "the outbox tried each while the mail server was down");
    assertEquals(0, lost, "every notification delivered");
    assertEquals(0, doubled, "none twice");
    assertEquals(0, drift, "the reconciliation finds nothing");
  }

  /**
   * Fault 5, gateway time-outs during a kill: {@code fault.timeoutFundings} (50) fundings of 10.00
   * with the sandbox's time-out card (4000000000000119: the payment is taken, the answer never
   * comes, the funding stays PENDING) from 2 threads; the server is killed with kill -9 mid-way and
   * started again; the settlement timer (every minute, fundings pending 30 s) asks the gateway.
   * Each funding settled once, no payment taken without its lot or twice, no lot missing.
   */
  private void gatewayTimeoutsDuringKill(ApiClient api) throws Exception {
    int fundings = Integer.getInteger("fault.timeoutFundings", 50);
    TestOrg org = Fixtures.organisation("FaultGateway", "USD");
    Fixtures.wallet(org);
    String token = "tok_fault_timeout_" + UUID.randomUUID().toString().replace("-", "");
    long method;
    try (var c = Fixtures.connect()) {
      try (var ps =
          c.prepareStatement(
              "INSERT INTO sandbox_card (token, brand, last4, exp_month, exp_year, behaviour,"
                  + " created_at) VALUES (?, 'Visa', '0119', 12, 2099, 'TIMEOUT', UTC_TIMESTAMP(6))")) {
        ps.setString(1, token);
        ps.executeUpdate();
      }
      try (var ps =
          c.prepareStatement(
              "INSERT INTO payment_method (organisation_id, kind, card_brand, card_last4,"
                  + " card_exp_month, card_exp_year, gateway_token, created_at) VALUES (?, 'CARD',"
                  + " 'Visa', '0119', 12, 2099, ?, UTC_TIMESTAMP(6))",
              java.sql.Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, org.id());
        ps.setString(2, token);
        ps.executeUpdate();
        try (var keys = ps.getGeneratedKeys()) {
          keys.next();
          method = keys.getLong(1);
        }
      }
    }
    String admin = org.key(Role.GLOBAL_ADMIN);
    long wallet = Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id());
    Stats stats = new Stats();
    AtomicLong answered = new AtomicLong();
    Map<String, Integer> statusOfKey = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> clients = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      clients.add(
          pool.submit(
              () -> {
                for (int f = thread; f < fundings; f += 2) {
                  String key = "fault-timeout-" + org.id() + "-" + f;
                  Answer a =
                      untilAnswered(
                          stats,
                          "POST",
                          "wallet/fundings",
                          admin,
                          "{\"amount\":" + money("10.00") + ",\"paymentMethodId\":" + method + "}",
                          key);
                  statusOfKey.put(key, a.status());
                  answered.incrementAndGet();
                }
                return null;
              }));
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (answered.get() < fundings / 2 && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    kill(server);
    long killedAt = System.nanoTime();
    server = start();
    awaitReady();
    double recovery = (System.nanoTime() - killedAt) / 1e9;
    for (Future<?> client : clients) {
      client.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long settleStarted = System.nanoTime();
    await(
        "every funding settled",
        Duration.ofMinutes(4),
        () ->
            Fixtures.count(
                    "SELECT COUNT(*) FROM funding WHERE wallet_id = ? AND status = 'PENDING'",
                    wallet)
                == 0);
    double settled = (System.nanoTime() - settleStarted) / 1e9;
    long rows = Fixtures.count("SELECT COUNT(*) FROM funding WHERE wallet_id = ?", wallet);
    long succeeded =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding WHERE wallet_id = ? AND status = 'SUCCEEDED'", wallet);
    long lots = Fixtures.count("SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ?", wallet);
    long lotsOfFundings =
        Fixtures.count(
            "SELECT COUNT(DISTINCT l.funding_id) FROM funding_lot l JOIN funding f ON"
                + " f.id = l.funding_id WHERE f.wallet_id = ? AND f.status = 'SUCCEEDED'",
            wallet);
    long approvedPayments =
        Fixtures.count(
            "SELECT COUNT(*) FROM sandbox_payment p WHERE p.token = ? AND p.outcome = 'APPROVED'",
            token);
    long paymentsWithoutLot =
        Fixtures.count(
            "SELECT COUNT(*) FROM sandbox_payment p WHERE p.token = ? AND p.outcome = 'APPROVED'"
                + " AND NOT EXISTS (SELECT 1 FROM funding f JOIN funding_lot l ON"
                + " l.funding_id = f.id WHERE CONCAT('funding-', f.id) = p.idempotency_key)",
            token);
    long succeededWithoutPayment =
        Fixtures.count(
            "SELECT COUNT(*) FROM funding f WHERE f.wallet_id = ? AND f.status = 'SUCCEEDED'"
                + " AND NOT EXISTS (SELECT 1 FROM sandbox_payment p WHERE p.idempotency_key ="
                + " CONCAT('funding-', f.id) AND p.outcome = 'APPROVED')",
            wallet);
    long sqlMismatches = ledgerMismatches(wallet);
    long drift = drift(api);
    long lost = (fundings - rows) + (succeeded - lotsOfFundings) + paymentsWithoutLot;
    long doubled = (lots - lotsOfFundings) + Math.max(0, rows - fundings) + succeededWithoutPayment;
    String line =
        String.format(
            Locale.ROOT,
            "RESULT gateway-timeouts-kill requests=%d ok=%d lost=%d doubled=%d drift=%d"
                + " recovery=%.1fs (fundings %d: succeeded %d, failed %d; payments taken %d, lots"
                + " %d; all settled %.0f s after the last answer; SQL ledger mismatches %d,"
                + " errors %d)",
            stats.requests.get(),
            stats.ok.get(),
            lost,
            doubled,
            drift + sqlMismatches,
            recovery,
            rows,
            succeeded,
            rows - succeeded,
            approvedPayments,
            lots,
            settled,
            sqlMismatches,
            stats.errors.get());
    System.out.println(line);
    RESULTS.add(line);
    row(
        "gateway time-outs during a kill (" + fundings + " fundings)",
        stats.requests.get(),
        stats.ok.get()
            + " answered; "
            + succeeded
            + " settled with a lot, "
            + (rows - succeeded)
            + " failed without payment",
        lost,
        doubled,
        drift + sqlMismatches,
        String.format(
            Locale.ROOT, "%.1f s (kill to ready), settled %.0f s later", recovery, settled));
    assertEquals(0, stats.errors.get(), stats.lastError);
    assertEquals(0, lost, "no funding, payment or lot missing");
    assertEquals(0, doubled, "nothing twice");
    assertEquals(0, sqlMismatches, "ledger = balance = lots");
    assertEquals(0, drift, "the reconciliation finds nothing");
  }

  /** The call records a run's ids posted (one per call id), and how many distinct ids they hold. */
  record CallCounts(long records, long distinct) {
    static CallCounts of(long organisationId, String run) {
      return new CallCounts(
          Fixtures.count(
              "SELECT COUNT(*) FROM call_record WHERE organisation_id = ? AND call_id LIKE ?",
              organisationId,
              run + "-%"),
          Fixtures.count(
              "SELECT COUNT(DISTINCT call_id) FROM call_record WHERE organisation_id = ?"
                  + " AND call_id LIKE ?",
              organisationId,
              run + "-%"));
    }
  }
}
