package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.it.ApiClient;
import com.commcredits.it.Deployments;
import com.commcredits.it.Fixtures;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.it.TestConfig;
import com.commcredits.shared.Role;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC "How fast": rating throughput and authorisation latency, measured from this test JVM (a
 * second process) against the running server over loopback. Not part of mvn verify; see the README.
 *
 * <ol>
 *   <li>Rating: each thread posts batches of 1,000 call records for its own organisation to {@code
 *       POST /api/v1/calls} (a 200 means committed). In the same run, the same threads write the
 *       same rows with raw JDBC batch inserts, one transaction per 1,000 calls: the call records,
 *       their ledger entries and lot allocations, then the lot and wallet updates. The sides take
 *       turns batch by batch (see {@link #inTurns}). Both sides print calls/s; the ratio is
 *       HTTP/raw.
 *   <li>Authorisation: {@code POST /api/v1/calls/authorize} at a fixed rate (open loop: latency
 *       counts from when each request was due, so a slow answer cannot hide the ones queued behind
 *       it); p50/p90/p99/max.
 * </ol>
 *
 * Afterwards every wallet's balance equals the sum of its ledger, and every call was charged
 * exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class RatingBenchmark {
  private static final int THREADS = Integer.getInteger("bench.threads", 2);
  private static final int BATCHES = Integer.getInteger("bench.batches", 20);
  private static final int WARMUP = Integer.getInteger("bench.warmupBatches", 3);
  private static final int BATCH = 1000;
  private static final int USERS = 100;

  /** The rates measured, one after another: SPEC's 500/s and issue 15's 1,000/s by default. */
  private static final int[] AUTH_RATES =
      Arrays.stream(System.getProperty("bench.authRates", "500,1000").split(","))
          .mapToInt(r -> Integer.parseInt(r.strip()))
          .toArray();

  private static final int AUTH_SECONDS = Integer.getInteger("bench.authSeconds", 20);
  private static final int AUTH_CONNECTIONS = Integer.getInteger("bench.authConnections", 32);

  /**
   * Untimed seconds at the first rate, so the server's JIT has compiled the path being measured (at
   * 10 s the server still spent half as much CPU again per request as after 40 s); each further
   * rate gets a fifth of it.
   */
  private static final int AUTH_WARMUP_SECONDS = Integer.getInteger("bench.authWarmupSeconds", 40);

  private static final BigDecimal PER_MINUTE = new BigDecimal("0.0300"); // +44 on the USD card

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private record Tenant(TestOrg org, String platform, long wallet, List<String> upns) {}

  @Test
  void rating_throughput_against_raw_jdbc_and_authorisation_latency() throws Exception {
    URI root = base.toURI();
    ApiClient api = new ApiClient(root);
    List<Tenant> tenants = new ArrayList<>();
    List<Tenant> rawTenants = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tenants.add(tenant(api, root, "BenchRating" + t, true));
      rawTenants.add(tenant(api, root, "BenchRaw" + t, false));
    }

    List<Side> httpSides = new ArrayList<>();
    List<Side> rawSides = new ArrayList<>();
    List<Side> recordsOnlySides = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      httpSides.add(http(root, tenants.get(t)));
      rawSides.add(new RawSide(rawTenants.get(t)));
      recordsOnlySides.add(new RecordsOnlySide(rawTenants.get(t)));
    }
    double[] rates =
        inTurns(
            List.of("HTTP POST /calls", "raw JDBC", "raw JDBC, call records only"),
            List.of(httpSides, rawSides, recordsOnlySides));
    double http = rates[0];
    double raw = rates[1];
    double rawRecordsOnly = rates[2];
    double[] inTurn =
        authoriseInTurn(root, tenants.get(0), Integer.getInteger("bench.sequential", 2000));
    List<String> atRates = new ArrayList<>();
    for (int r = 0; r < AUTH_RATES.length; r++) {
      int rate = AUTH_RATES[r];
      int warmup = r == 0 ? AUTH_WARMUP_SECONDS : Math.max(1, AUTH_WARMUP_SECONDS / 5);
      long[] latencies = authorise(root, tenants.get(0), rate, warmup);
      double[] cpu = authorisationCpu;
      atRates.add(
          String.format(
              Locale.ROOT,
              "=== Authorisation at %d requests/s for %d s (after %d s warm-up), %d connections ==="
                  + "%np50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (%d requests)%n"
                  + "CPU per authorisation in the timed part: server %.3f ms, database %.3f ms,"
                  + " load generator %.3f ms (server and database %.2f cores at %d/s, this machine"
                  + " has %d); the server's garbage collector ran %.0f times, %.0f ms in all;"
                  + " %.0f requests over 10 ms, in %.0f of the %d seconds%n",
              rate,
              AUTH_SECONDS,
              warmup,
              AUTH_CONNECTIONS,
              KeepAliveLoad.percentile(latencies, 0, 50),
              KeepAliveLoad.percentile(latencies, 0, 90),
              KeepAliveLoad.percentile(latencies, 0, 99),
              latencies[latencies.length - 1] / 1e6,
              latencies.length,
              cpu[0],
              cpu[1],
              cpu[2],
              (cpu[0] + cpu[1]) * rate / 1000,
              rate,
              Runtime.getRuntime().availableProcessors(),
              cpu[3],
              cpu[4],
              cpu[5],
              cpu[6],
              AUTH_SECONDS));
    }

    StringBuilder report =
        new StringBuilder("\n=== Rating (batches of 1,000 calls, ")
            .append(THREADS)
            .append(" threads, ")
            .append(BATCHES - WARMUP)
            .append(" timed batches each) ===\n");
    report.append(
        String.format(Locale.ROOT, "HTTP POST /api/v1/calls          %,10.0f calls/s%n", http));
    report.append(
        String.format(
            Locale.ROOT,
            "raw JDBC, the same rows          %,10.0f calls/s  (%,.0f rows/s)%n",
            raw,
            raw * 3));
    report.append(
        String.format(
            Locale.ROOT, "raw JDBC, call records only      %,10.0f calls/s%n", rawRecordsOnly));
    report.append(
        String.format(Locale.ROOT, "ratio HTTP / raw (same rows)     %10.2f%n", http / raw));
    report.append(
        String.format(
            Locale.ROOT, "ratio HTTP / raw (records only)  %10.2f%n", http / rawRecordsOnly));
    report.append(
        String.format(
            Locale.ROOT,
            "=== Authorisation one after another: mean %.2f ms, p99 %.2f ms ===%n",
            inTurn[0],
            inTurn[1]));
    atRates.forEach(report::append);
    System.out.println(report);

    for (Tenant tenant : tenants) {
      assertConsistent(tenant, (long) BATCHES * BATCH);
    }
    for (Tenant tenant : rawTenants) {
      assertEquals(
          0,
          Fixtures.decimal(
                  "SELECT w.balance - COALESCE(SUM(e.amount), 0) FROM wallet w LEFT JOIN "
                      + "ledger_entry e ON e.wallet_id = w.id WHERE w.id = ? GROUP BY w.balance",
                  tenant.wallet())
              .signum());
    }
  }

  /**
   * One organisation: Business Voice and Communications Credits for 100 US users, 100,000 USD of
   * credits.
   */
  private Tenant tenant(ApiClient api, URI root, String name, boolean withUsers) throws Exception {
    TestOrg org = Fixtures.organisation(name, "USD");
    Fixtures.card(org);
    String admin = org.key(Role.GLOBAL_ADMIN);
    for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
      ApiClient.Reply bought =
          api.post("subscriptions", admin, "{\"sku\":\"" + sku + "\",\"quantity\":" + USERS + "}");
      assertEquals(201, bought.status(), bought.body());
    }
    String number =
        "1"
            + String.format(
                "%07d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000));
    Fixtures.eaAgreement(org, number);
    long ea =
        api.post(
                "payment-methods",
                admin,
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + number + "\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    HttpRequest fund =
        HttpRequest.newBuilder(root.resolve("api/v1/wallet/fundings"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":{\"amount\":\"100000.00\",\"currency\":\"USD\"},"
                        + "\"paymentMethodId\":"
                        + ea
                        + "}"))
            .build();
    HttpResponse<String> funded =
        HttpClient.newHttpClient().send(fund, HttpResponse.BodyHandlers.ofString());
    assertEquals(201, funded.statusCode(), funded.body());
    List<String> upns = new ArrayList<>();
    if (withUsers) {
      for (int u = 0; u < USERS; u++) {
        String upn = "caller" + u + "@" + org.domain();
        Fixtures.addUser(org, upn, "Caller " + u, "US");
        for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
          ApiClient.Reply assigned = api.put("users/" + upn + "/licences/" + sku, admin, "");
          assertEquals(200, assigned.status(), assigned.body());
        }
        // SPEC "How fast": authorisation is measured with spend caps set (R-GUARD-2); they are
        // large enough never to refuse, so every request reads and weighs them
        String currency = Fixtures.currency(org);
        String cap = "{\"amount\":\"1000000.00\",\"currency\":\"" + currency + "\"}";
        ApiClient.Reply capped =
            api.put(
                "users/" + upn + "/spend-limit",
                admin,
                "{\"monthly\":" + cap + ",\"internationalMonthly\":" + cap + "}");
        assertEquals(200, capped.status(), capped.body());
        upns.add(upn);
      }
    }
    return new Tenant(
        org,
        org.key(Role.PLATFORM),
        Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id()),
        upns);
  }

  /**
   * Calls per second of each side, measured in turns: batch {@code b} of every thread on the first
   * side, then batch {@code b} on the second, and so on, so that a change in the machine's load
   * (other builds, the database flushing) falls on every side alike instead of on whichever ran in
   * that minute. Per side, the wall-clock time of its timed turns is summed.
   */
  private static double[] inTurns(List<String> names, List<List<Side>> sides) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long[] took = new long[sides.size()];
    try {
      for (int b = 0; b < BATCHES; b++) {
        for (int s = 0; s < sides.size(); s++) {
          int batch = b;
          List<Future<Long>> done = new ArrayList<>();
          long started = System.nanoTime();
          for (Side side : sides.get(s)) {
            done.add(pool.submit(() -> side.batch(batch)));
          }
          for (Future<Long> f : done) {
            f.get();
          }
          if (b >= WARMUP) {
            took[s] += System.nanoTime() - started;
          }
        }
      }
    } finally {
      pool.shutdownNow();
      for (List<Side> side : sides) {
        for (Side thread : side) {
          thread.close();
        }
      }
    }
    double[] perSecond = new double[sides.size()];
    for (int s = 0; s < sides.size(); s++) {
      perSecond[s] = (double) THREADS * (BATCHES - WARMUP) * BATCH / (took[s] / 1e9);
      System.out.printf(Locale.ROOT, "%s: %,.0f calls/s%n", names.get(s), perSecond[s]);
    }
    return perSecond;
  }

  /**
   * Mostly international calls (the wallet pays), one in ten domestic (the pool pays until it is
   * gone).
   */
  private static String callJson(String id, String upn, int i) {
    int seconds = 30 + (i * 37) % 600;
    Instant start = Instant.parse("2026-11-02T08:00:00Z").plusSeconds(i * 7L);
    String to =
        i % 10 == 0
            ? "+1206555" + String.format("%04d", i % 10_000)
            : "+44207946" + String.format("%04d", i % 10_000);
    return "{\"callId\":\""
        + id
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\","
        + "\"to\":\""
        + to
        + "\",\"start\":\""
        + start
        + "\",\"end\":\""
        + start.plusSeconds(seconds)
        + "\",\"durationSeconds\":"
        + seconds
        + "}";
  }

  /** One thread's share of one side of the comparison: writes batch {@code b}, timed. */
  private interface Side extends AutoCloseable {
    /** Writes batch {@code b} of 1,000 calls; returns the nanoseconds it took. */
    long batch(int b) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** Rating through the API: one {@code POST /api/v1/calls} of 1,000 records per batch. */
  private static Side http(URI root, Tenant tenant) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String run = UUID.randomUUID().toString().substring(0, 8);
    return b -> {
      StringBuilder body = new StringBuilder(BATCH * 260).append('[');
      for (int i = 0; i < BATCH; i++) {
        int n = b * BATCH + i;
        body.append(i == 0 ? "" : ",")
            .append(callJson(run + "-" + n, tenant.upns().get(n % USERS), n));
      }
      body.append(']');
      return CallBatches.post(client, root, tenant.platform(), body.toString());
    };
  }

  private static Connection raw() throws Exception {
    Connection c =
        DriverManager.getConnection(
            TestConfig.jdbcUrl("commcredits")
                + "&rewriteBatchedStatements=true"
                + "&cachePrepStmts=true",
            "root",
            "");
    c.setAutoCommit(false);
    return c;
  }

  /**
   * The rows rating writes for a batch, written by hand: records, entries, allocations, lot and
   * wallet, one transaction per 1,000 calls.
   */
  private static final class RawSide implements Side {
    private final Tenant tenant;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Connection c;
    private final long lot;
    private final Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    private BigDecimal balance;

    RawSide(Tenant tenant) throws Exception {
      this.tenant = tenant;
      c = raw();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT l.id, w.balance FROM funding_lot l "
                      + "JOIN wallet w ON w.id = l.wallet_id WHERE w.id = "
                      + tenant.wallet())) {
        rs.next();
        lot = rs.getLong(1);
        balance = rs.getBigDecimal(2);
      }
      c.commit();
    }

    @Override
    public long batch(int b) throws Exception {
      long started = System.nanoTime();
      BigDecimal batchTotal = BigDecimal.ZERO;
      try (PreparedStatement records = c.prepareStatement(RECORD_INSERT);
          PreparedStatement entries =
              c.prepareStatement(ENTRY_INSERT, Statement.RETURN_GENERATED_KEYS);
          PreparedStatement allocations =
              c.prepareStatement(
                  "INSERT INTO lot_allocation (wallet_id, entry_id, "
                      + "lot_id, amount) VALUES (?, ?, ?, ?)")) {
        BigDecimal[] charges = new BigDecimal[BATCH];
        for (int i = 0; i < BATCH; i++) {
          int n = b * BATCH + i;
          int seconds = 30 + (n * 37) % 600;
          charges[i] = PER_MINUTE.multiply(BigDecimal.valueOf((seconds + 59) / 60));
          balance = balance.subtract(charges[i]);
          batchTotal = batchTotal.add(charges[i]);
          String callId = run + "-" + n;
          Timestamp start =
              Timestamp.valueOf(
                  LocalDateTime.ofInstant(
                      Instant.parse("2026-11-02T08:00:00Z").plusSeconds(n * 7L), ZoneOffset.UTC));
          entries.setLong(1, tenant.wallet());
          entries.setBigDecimal(2, charges[i].negate());
          entries.setBigDecimal(3, balance);
          entries.setTimestamp(4, start);
          entries.setTimestamp(5, now);
          entries.setString(6, "call:" + callId);
          entries.setString(7, callId);
          entries.setString(8, "Call to +44207946" + String.format("%04d", n % 10_000));
          entries.addBatch();
          addRecord(records, tenant, callId, n, seconds, start, charges[i], now);
        }
        entries.executeBatch();
        long[] ids = new long[BATCH];
        try (ResultSet keys = entries.getGeneratedKeys()) {
          for (int i = 0; keys.next(); i++) {
            ids[i] = keys.getLong(1);
          }
        }
        for (int i = 0; i < BATCH; i++) {
          allocations.setLong(1, tenant.wallet());
          allocations.setLong(2, ids[i]);
          allocations.setLong(3, lot);
          allocations.setBigDecimal(4, charges[i]);
          allocations.addBatch();
        }
        allocations.executeBatch();
        records.executeBatch();
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE funding_lot SET remaining = remaining - ? WHERE id = ?")) {
        update.setBigDecimal(1, batchTotal);
        update.setLong(2, lot);
        update.executeUpdate();
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE wallet SET balance = ? WHERE id = ?")) {
        update.setBigDecimal(1, balance);
        update.setLong(2, tenant.wallet());
        update.executeUpdate();
      }
      c.commit();
      return System.nanoTime() - started;
    }

    @Override
    public void close() throws Exception {
      c.close();
    }
  }

  private static final String ENTRY_INSERT =
      "INSERT INTO ledger_entry (wallet_id, entry_type, amount, balance_after, "
          + "currency, occurred_at, recorded_at, idempotency_key, reference, description, actor) "
          + "VALUES (?, 'CHARGE', ?, ?, 'USD', ?, ?, ?, ?, ?, 'Telephony platform')";

  /** Adds call {@code n}'s record of RECORD_INSERT to the statement's batch. */
  private static void addRecord(
      PreparedStatement records,
      Tenant tenant,
      String callId,
      int n,
      int seconds,
      Timestamp start,
      BigDecimal charge,
      Timestamp now)
      throws SQLException {
    records.setLong(1, tenant.org().id());
    records.setString(2, callId);
    records.setString(3, "caller" + (n % USERS) + "@" + tenant.org().domain());
    records.setString(4, "Caller " + (n % USERS));
    records.setString(5, "+44207946" + String.format("%04d", n % 10_000));
    records.setTimestamp(6, start);
    records.setTimestamp(7, new Timestamp(start.getTime() + seconds * 1000L));
    records.setInt(8, seconds);
    records.setInt(9, seconds);
    records.setBigDecimal(10, charge);
    records.setTimestamp(11, now);
    records.addBatch();
  }

  private static final String RECORD_INSERT =
      "INSERT INTO call_record (organisation_id, call_id, kind, user_upn, "
          + "user_name, user_location, from_number, to_number, destination_country, domestic, start_at, end_at, "
          + "duration_seconds, pool_minutes, wallet_seconds, rate_prefix, connection_fee, charge, currency, rated_at) "
          + "VALUES (?, ?, 'OUTBOUND', ?, ?, 'US', '+14255550100', ?, 'GB', FALSE, ?, ?, ?, 0, ?, '+44', 0, ?, 'USD', ?)";

  /** The stricter reference: only the call records, one transaction per 1,000. */
  private static final class RecordsOnlySide implements Side {
    private final Tenant tenant;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    private final Connection c;
    private final PreparedStatement records;

    RecordsOnlySide(Tenant tenant) throws Exception {
      this.tenant = tenant;
      c = raw();
      records = c.prepareStatement(RECORD_INSERT);
    }

    @Override
    public long batch(int b) throws Exception {
      long started = System.nanoTime();
      for (int i = 0; i < BATCH; i++) {
        int n = b * BATCH + i;
        int seconds = 30 + (n * 37) % 600;
        Timestamp start =
            Timestamp.valueOf(
                LocalDateTime.ofInstant(
                    Instant.parse("2026-11-02T08:00:00Z").plusSeconds(n * 7L), ZoneOffset.UTC));
        addRecord(
            records,
            tenant,
            run + "-r-" + n,
            n,
            seconds,
            start,
            PER_MINUTE.multiply(BigDecimal.valueOf((seconds + 59) / 60)),
            now);
      }
      records.executeBatch();
      c.commit();
      return System.nanoTime() - started;
    }

    @Override
    public void close() throws Exception {
      records.close();
      c.close();
    }
  }

  private static String authorisation(Tenant tenant, String prefix, int i) {
    return "{\"callId\":\""
        + prefix
        + i
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + tenant.upns().get(i % USERS)
        + "\",\"from\":\"+14255550100\",\"to\":\"+442079460"
        + String.format("%03d", i % 1000)
        + "\"}";
  }

  private static void allowed(KeepAliveLoad.Answer answer) {
    if (answer.status() != 200 || !answer.body().contains("\"allowed\":true")) {
      throw new IllegalStateException(
          "Authorisation answered " + answer.status() + ": " + answer.body());
    }
  }

  /** One request after another on one connection: the service time, without queueing. */
  private double[] authoriseInTurn(URI root, Tenant tenant, int count) {
    long[] took =
        new KeepAliveLoad(root, "api/v1/calls/authorize", tenant.platform())
            .inTurn(count, i -> authorisation(tenant, "seq-", i), RatingBenchmark::allowed);
    long[] timed = Arrays.copyOfRange(took, count / 2, count);
    return new double[] {
      Arrays.stream(timed).average().orElse(0) / 1e6, KeepAliveLoad.percentile(timed, 0, 99)
    };
  }

  /**
   * Open loop at {@code rate} per second over AUTH_CONNECTIONS kept-alive connections (see {@link
   * KeepAliveLoad}); the warm-up's latencies are left out. Also measures the CPU that the server,
   * the database and this JVM (the load generator) spent in the timed part.
   */
  private long[] authorise(URI root, Tenant tenant, int rate, int warmupSeconds) throws Exception {
    KeepAliveLoad load = new KeepAliveLoad(root, "api/v1/calls/authorize", tenant.platform());
    load.openLoop(
        rate,
        rate * warmupSeconds,
        AUTH_CONNECTIONS,
        i -> authorisation(tenant, "warm-", i),
        RatingBenchmark::allowed);
    int timedRequests = rate * AUTH_SECONDS;
    double serverBefore = ProcessCpu.server(root);
    double databaseBefore = ProcessCpu.database(TestConfig.dbPort());
    double clientBefore = ProcessCpu.self();
    double[] gcBefore = ProcessCpu.serverGc(root);
    long[] latencies =
        load.openLoop(
            rate,
            timedRequests,
            AUTH_CONNECTIONS,
            i -> authorisation(tenant, "auth-" + rate + "-", i),
            RatingBenchmark::allowed);
    authorisationCpu =
        new double[] {
          (ProcessCpu.server(root) - serverBefore) * 1000 / timedRequests,
          (ProcessCpu.database(TestConfig.dbPort()) - databaseBefore) * 1000 / timedRequests,
          (ProcessCpu.self() - clientBefore) * 1000 / timedRequests,
          ProcessCpu.serverGc(root)[0] - gcBefore[0],
          (ProcessCpu.serverGc(root)[1] - gcBefore[1]) * 1000,
          Arrays.stream(latencies).filter(l -> l > 10_000_000L).count(),
          IntStream.range(0, latencies.length)
              .filter(i -> latencies[i] > 10_000_000L)
              .map(i -> i / rate)
              .distinct()
              .count()
        };
    Arrays.sort(latencies);
    return latencies;
  }

  /**
   * Server, database and load generator CPU milliseconds per timed authorisation; the server's
   * garbage collections and their milliseconds in that time; the requests over 10 ms and the
   * seconds they fell in (clustered or spread). Set by {@link #authorise}.
   */
  private double[] authorisationCpu = new double[7];

  /** Every call posted is recorded once, charged at most once, and the wallet equals its ledger. */
  private static void assertConsistent(Tenant tenant, long calls) {
    assertEquals(
        calls,
        Fixtures.count(
            "SELECT COUNT(*) FROM call_record WHERE organisation_id = ?", tenant.org().id()));
    assertEquals(
        Fixtures.count(
            "SELECT COUNT(*) FROM call_record WHERE organisation_id = ? AND charge > 0",
            tenant.org().id()),
        Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? " + "AND entry_type = 'CHARGE'",
            tenant.wallet()));
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT w.balance - SUM(e.amount) FROM wallet w JOIN ledger_entry e "
                    + "ON e.wallet_id = w.id WHERE w.id = ? GROUP BY w.balance",
                tenant.wallet())
            .signum());
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT (SELECT -SUM(charge) FROM call_record WHERE organisation_id = ?) - "
                    + "(SELECT SUM(amount) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'CHARGE')",
                tenant.org().id(),
                tenant.wallet())
            .signum());
  }
}
