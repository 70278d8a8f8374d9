package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.it.ApiClient;
import com.commcredits.it.Deployments;
import com.commcredits.it.Fixtures;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.it.TestConfig;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly reconciliation at scale (issue 13, R-RECON-2): seeds wallets with a long history
 * (each an organisation, a wallet, one lot, a funding entry and charges each drawing on the lot
 * with its allocation, consistent as the product writes them) with JDBC batch inserts, times a FULL
 * run, changes 1 % of the wallets (new charges with their allocations, lot and balance updated, as
 * Charging writes them) and times an INCREMENTAL run. Both must find nothing in the seeded wallets.
 * Not part of mvn verify; see the README.
 *
 * <p>Options: {@code -Dbench.wallets=100000 -Dbench.entries=10000000 -Dbench.changedPercent=1
 * -Dbench.newEntries=10 -Dbench.seedThreads=2}.
 */
@ExtendWith(ArquillianExtension.class)
class ReconciliationBenchmark {
  private static final int WALLETS = Integer.getInteger("bench.wallets", 100_000);
  private static final long ENTRIES = Long.getLong("bench.entries", 10_000_000L);
  private static final double CHANGED_PERCENT =
      Double.parseDouble(System.getProperty("bench.changedPercent", "1"));
  private static final int NEW_ENTRIES = Integer.getInteger("bench.newEntries", 10);
  private static final int SEED_THREADS = Integer.getInteger("bench.seedThreads", 2);
  private static final int WALLETS_PER_TRANSACTION = 50;
  private static final BigDecimal FUNDED = new BigDecimal("1000000.0000");
  private static final BigDecimal CHARGE = new BigDecimal("1.2500");

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private static Connection raw() throws Exception {
    Connection c =
        DriverManager.getConnection(
            TestConfig.jdbcUrl("commcredits")
                + "&rewriteBatchedStatements=true&cachePrepStmts=true",
            "root",
            "");
    c.setAutoCommit(false);
    return c;
  }

  /** The first free id of each table the seed writes, so rows can point at each other. */
  private record Ids(long org, long wallet, long lot, long entry, long allocation) {}

  private static long next(Connection c, String table) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void full_and_incremental_runs_timed() throws Exception {
    TestOrg operator = Fixtures.operator();
    ApiClient api = new ApiClient(base.toURI());
    String key = operator.key(Role.GLOBAL_ADMIN);
    int perWallet = (int) Math.max(2, ENTRIES / WALLETS);
    long entries = (long) perWallet * WALLETS;

    Ids ids;
    try (Connection c = raw()) {
      ids =
          new Ids(
              next(c, "organisation"),
              next(c, "wallet"),
              next(c, "funding_lot"),
              next(c, "ledger_entry"),
              next(c, "lot_allocation"));
      c.commit();
    }
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long seedStart = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
    List<Future<?>> seeding = new ArrayList<>();
    int per = (WALLETS + SEED_THREADS - 1) / SEED_THREADS;
    for (int t = 0; t < SEED_THREADS; t++) {
      int from = t * per;
      int to = Math.min(WALLETS, from + per);
      seeding.add(pool.submit(() -> seed(ids, tag, perWallet, from, to)));
    }
    for (Future<?> f : seeding) {
      f.get();
    }
    pool.shutdown();
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    try (Connection c = raw();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE TABLE wallet, funding_lot, ledger_entry, lot_allocation");
      c.commit();
    }

    JsonObject full = run(api, key, "FULL");
    int changed = change(ids, perWallet);
    JsonObject incremental = run(api, key, "INCREMENTAL");

    long fullFindings = seededFindings(full, ids);
    long incrementalFindings = seededFindings(incremental, ids);
    double fullSeconds = seconds(full);
    double incrementalSeconds = seconds(incremental);
    long fullEntries = full.getJsonNumber("entriesChecked").longValue();
    long incrementalEntries = incremental.getJsonNumber("entriesChecked").longValue();
    String report =
        String.format(
            """
            Reconciliation, %,d wallets, %,d ledger entries seeded (%d each, with lots and %,d allocations) in %.0f s
            run           seconds   wallets checked   entries checked   entries/s (of all %,d)   findings in them
            FULL        %9.1f   %15d   %15d   %,18.0f   %8d
            INCREMENTAL %9.1f   %15d   %15d   %,18.0f   %8d   (%,d wallets changed, %d new entries each)
            """,
            WALLETS,
            entries,
            perWallet,
            entries - WALLETS,
            seedSeconds,
            entries,
            fullSeconds,
            full.getJsonNumber("walletsChecked").longValue(),
            fullEntries,
            entries / fullSeconds,
            fullFindings,
            incrementalSeconds,
            incremental.getJsonNumber("walletsChecked").longValue(),
            incrementalEntries,
            (entries + (long) changed * NEW_ENTRIES) / incrementalSeconds,
            incrementalFindings,
            changed,
            NEW_ENTRIES);
    System.out.println(report);
    Path out =
        Path.of(
                System.getProperty("wlp.server.dir", "target"),
                "..",
                "..",
                "..",
                "..",
                "..",
                "benchmarks")
            .normalize();
    Files.createDirectories(out);
    Files.writeString(out.resolve("reconciliation-benchmark.txt"), report);

    assertEquals("COMPLETED", full.getString("status"), full.toString());
    assertEquals("COMPLETED", incremental.getString("status"), incremental.toString());
    assertEquals(0, fullFindings, "no difference in the seeded wallets");
    assertEquals(0, incrementalFindings, "no difference in the seeded wallets");
  }

  private static long seededFindings(JsonObject run, Ids ids) {
    return Fixtures.count(
        "SELECT COUNT(*) FROM reconciliation_finding WHERE run_id = ? AND wallet_id >= ?",
        run.getJsonNumber("id").longValue(),
        ids.wallet());
  }

  private static double seconds(JsonObject run) {
    return run.getJsonNumber("durationMillis").longValue() / 1000.0;
  }

  private static JsonObject run(ApiClient api, String key, String mode) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    ApiClient.Reply started;
    do {
      started = api.post("reconciliation/runs", key, "{\"mode\":\"" + mode + "\"}");
      if (started.status() == 409) {
        Thread.sleep(1000);
      }
    } while (started.status() == 409 && Instant.now().isBefore(deadline));
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    deadline = Instant.now().plus(Duration.ofMinutes(60));
    while (true) {
      JsonObject run = api.get("reconciliation/runs/" + id, key).json();
      if (!"RUNNING".equals(run.getString("status")) || Instant.now().isAfter(deadline)) {
        return run;
      }
      Thread.sleep(250);
    }
  }

  /**
   * Seeds wallets {@code from} (inclusive) to {@code to}: each its organisation, wallet, one lot
   * funded a year ago, its funding entry and {@code perWallet - 1} charges, each with its
   * allocation on the lot; the lot's remaining and the wallet's balance are what is left.
   */
  private static Void seed(Ids ids, String tag, int perWallet, int from, int to) throws Exception {
    Timestamp funded = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(200));
    Timestamp expires = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusDays(165));
    try (Connection c = raw();
        PreparedStatement orgs =
            c.prepareStatement(
                "INSERT INTO organisation (id, name, billing_country, currency, time_zone, "
                    + "created_at) VALUES (?, ?, 'US', 'USD', 'UTC', ?)");
        PreparedStatement wallets =
            c.prepareStatement(
                "INSERT INTO wallet (id, organisation_id, currency, balance, created_at) "
                    + "VALUES (?, ?, 'USD', ?, ?)");
        PreparedStatement lots =
            c.prepareStatement(
                "INSERT INTO funding_lot (id, wallet_id, amount, remaining, purchased_at, "
                    + "expires_at, source) VALUES (?, ?, ?, ?, ?, ?, 'ADJUSTMENT')");
        PreparedStatement entries =
            c.prepareStatement(
                "INSERT INTO ledger_entry (id, wallet_id, entry_type, amount, balance_after, "
                    + "currency, occurred_at, recorded_at, idempotency_key, description, actor) "
                    + "VALUES (?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, 'bench')");
        PreparedStatement allocations =
            c.prepareStatement(
                "INSERT INTO lot_allocation (id, wallet_id, entry_id, lot_id, amount) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
      for (int w = from; w < to; w++) {
        long org = ids.org() + w;
        long wallet = ids.wallet() + w;
        long lot = ids.lot() + w;
        long entry = ids.entry() + (long) w * perWallet;
        long allocation = ids.allocation() + (long) w * (perWallet - 1);
        BigDecimal left = FUNDED.subtract(CHARGE.multiply(BigDecimal.valueOf(perWallet - 1)));
        orgs.setLong(1, org);
        orgs.setString(2, "Bench " + tag + " " + w);
        orgs.setTimestamp(3, funded);
        orgs.addBatch();
        wallets.setLong(1, wallet);
        wallets.setLong(2, org);
        wallets.setBigDecimal(3, left);
        wallets.setTimestamp(4, funded);
        wallets.addBatch();
        lots.setLong(1, lot);
        lots.setLong(2, wallet);
        lots.setBigDecimal(3, FUNDED);
        lots.setBigDecimal(4, left);
        lots.setTimestamp(5, funded);
        lots.setTimestamp(6, expires);
        lots.addBatch();
        BigDecimal balance = FUNDED;
        entry(entries, entry, wallet, "ADJUSTMENT", FUNDED, balance, funded, "fund", "Bench funds");
        for (int i = 1; i < perWallet; i++) {
          balance = balance.subtract(CHARGE);
          Timestamp at = new Timestamp(funded.getTime() + i * 60_000L);
          entry(
              entries, entry + i, wallet, "CHARGE", CHARGE.negate(), balance, at, "c" + i, "Bench");
          allocations.setLong(1, allocation + i - 1);
          allocations.setLong(2, wallet);
          allocations.setLong(3, entry + i);
          allocations.setLong(4, lot);
          allocations.setBigDecimal(5, CHARGE);
          allocations.addBatch();
        }
        if ((w - from + 1) % WALLETS_PER_TRANSACTION == 0 || w == to - 1) {
          orgs.executeBatch();
          wallets.executeBatch();
          lots.executeBatch();
          entries.executeBatch();
          allocations.executeBatch();
          c.commit();
        }
      }
    }
    return null;
  }

  private static void entry(
      PreparedStatement ps,
      long id,
      long wallet,
      String type,
      BigDecimal amount,
      BigDecimal after,
      Timestamp at,
      String key,
      String description)
      throws Exception {
    ps.setLong(1, id);
    ps.setLong(2, wallet);
    ps.setString(3, type);
    ps.setBigDecimal(4, amount);
    ps.setBigDecimal(5, after);
    ps.setTimestamp(6, at);
    ps.setTimestamp(7, at);
    ps.setString(8, key);
    ps.setString(9, description);
    ps.addBatch();
  }

  /**
   * Changes every 100/{@code changedPercent}-th seeded wallet as Charging does: under the wallet's
   * row lock, {@link #NEW_ENTRIES} charges with their allocations, the lot and the balance moved.
   * Returns how many wallets changed.
   */
  private static int change(Ids ids, int perWallet) throws Exception {
    int step = (int) Math.max(1, Math.round(100 / CHANGED_PERCENT));
    int changed = 0;
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    try (Connection c = raw();
        PreparedStatement lock =
            c.prepareStatement("SELECT balance FROM wallet WHERE id = ? FOR UPDATE");
        PreparedStatement entries =
            c.prepareStatement(
                "INSERT INTO ledger_entry (wallet_id, entry_type, amount, balance_after, "
                    + "currency, occurred_at, recorded_at, idempotency_key, description, actor) "
                    + "VALUES (?, 'CHARGE', ?, ?, 'USD', ?, ?, ?, 'Bench', 'bench')",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement allocations =
            c.prepareStatement(
                "INSERT INTO lot_allocation (wallet_id, entry_id, lot_id, amount) "
                    + "VALUES (?, ?, ?, ?)");
        PreparedStatement lot =
            c.prepareStatement("UPDATE funding_lot SET remaining = remaining - ? WHERE id = ?");
        PreparedStatement wallet =
            c.prepareStatement("UPDATE wallet SET balance = ? WHERE id = ?")) {
      for (int w = 0; w < WALLETS; w += step) {
        long walletId = ids.wallet() + w;
        lock.setLong(1, walletId);
        BigDecimal balance;
        try (ResultSet rs = lock.executeQuery()) {
          rs.next();
          balance = rs.getBigDecimal(1);
        }
        for (int i = 0; i < NEW_ENTRIES; i++) {
          balance = balance.subtract(CHARGE);
          entries.setLong(1, walletId);
          entries.setBigDecimal(2, CHARGE.negate());
          entries.setBigDecimal(3, balance);
          entries.setTimestamp(4, now);
          entries.setTimestamp(5, now);
          entries.setString(6, "new-" + UUID.randomUUID());
          entries.addBatch();
        }
        entries.executeBatch();
        try (ResultSet keys = entries.getGeneratedKeys()) {
          while (keys.next()) {
            allocations.setLong(1, walletId);
            allocations.setLong(2, keys.getLong(1));
            allocations.setLong(3, ids.lot() + w);
            allocations.setBigDecimal(4, CHARGE);
            allocations.addBatch();
          }
        }
        allocations.executeBatch();
        lot.setBigDecimal(1, CHARGE.multiply(BigDecimal.valueOf(NEW_ENTRIES)));
        lot.setLong(2, ids.lot() + w);
        lot.executeUpdate();
        wallet.setBigDecimal(1, balance);
        wallet.setLong(2, walletId);
        wallet.executeUpdate();
        c.commit();
        changed++;
      }
    }
    return changed;
  }
}
