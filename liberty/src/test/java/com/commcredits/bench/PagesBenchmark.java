package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.it.ApiClient;
import com.commcredits.it.Deployments;
import com.commcredits.it.Fixtures;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.it.TestConfig;
import com.commcredits.it.WebSession;
import com.commcredits.shared.Role;
import java.io.InputStream;
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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SPEC "How fast" (issue 15): every admin page and API list at a year of calls for one
 * organisation. Not part of mvn verify; see the README.
 *
 * <ol>
 *   <li>Seeds one organisation with {@code bench.calls} (default 1,000,000) call records over the
 *       last 12 months with the rows rating writes for them (nine in ten international calls paid
 *       by the wallet: call record, ledger entry with its balance after, allocation to the lot
 *       soonest to expire, lot and wallet moved, the daily spend row; one in ten domestic, paid by
 *       the pool: call record and the month's pool usage), with JDBC batches.
 *   <li>Requests every admin page and API list {@code bench.requests} (20) times after {@code
 *       bench.warmup} (3) untimed requests, one after another, and prints p50/p95/max per page
 *       (client side over loopback, so a little above what the server spends).
 *   <li>Exports a year as CSV and Excel through the API (streamed): rows/s, and the server's used
 *       heap sampled before, during (the highest) and after.
 *   <li>Rating under reads: {@code POST /calls} batches of 1,000 for a second organisation, in
 *       turns alone and while a reader requests the Credits page of the big one without pause; the
 *       ratio of the two.
 * </ol>
 */
@ExtendWith(ArquillianExtension.class)
class PagesBenchmark {
  private static final int CALLS = Integer.getInteger("bench.calls", 1_000_000);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 20);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
  private static final int RATING_BATCHES = Integer.getInteger("bench.ratingBatches", 12);
  private static final int SEED_BATCH = 5000;
  private static final int USERS = 100;
  private static final BigDecimal PER_MINUTE = new BigDecimal("0.0300"); // +44 on the USD card
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles"); // the fixtures' zone

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private record Tenant(TestOrg org, long wallet, List<String> upns) {}

  @Test
  void every_page_and_list_at_a_year_of_calls() throws Exception {
    URI root = base.toURI();
    ApiClient api = new ApiClient(root);
    Tenant big = tenant(api, root, "BenchPages", 3);
    long seedStarted = System.nanoTime();
    seed(big);
    double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Seeded %,d calls in %.0f s (%,.0f calls/s)%n",
        CALLS,
        seedSeconds,
        CALLS / seedSeconds);
    try (Connection c = raw();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE TABLE call_record, ledger_entry, lot_allocation");
    }

    WebSession web = new WebSession(root).signedIn(big.org().email(Role.GLOBAL_ADMIN));
    String key = big.org().key(Role.GLOBAL_ADMIN);
    LocalDate today = LocalDate.now(ZONE);
    String year = "from=" + today.minusYears(1) + "&to=" + today;
    String month = "from=" + today.minusMonths(1) + "&to=" + today;
    String day = "from=" + today.minusDays(3) + "&to=" + today.minusDays(3);
    String upn = big.upns().get(7);
    Map<String, Supplier<Integer>> pages = new LinkedHashMap<>();
    page(pages, web, "Home", "");
    page(pages, web, "Users", "users");
    page(pages, web, "User detail", "users/detail?upn=" + upn);
    page(pages, web, "Credits", "billing/credits");
    // deep pages by their cursor, as the Older link gives it: the entry just before the page
    page(
        pages,
        web,
        "Credits, transactions 20 pages deep",
        "billing/credits?before=" + cursor(big, 500));
    page(
        pages,
        web,
        "Credits, transactions 4,000 pages deep",
        "billing/credits?before=" + cursor(big, 100_000));
    page(pages, web, "Credits, transactions one month", "billing/credits?" + month);
    page(pages, web, "PSTN usage, default (30 days)", "reports/pstn-usage");
    // the report pages by keyset too (issue 15): page 500 is the Older link's cursor 25,000 calls
    // in
    page(
        pages,
        web,
        "PSTN usage, 500 pages deep (before=cursor)",
        "reports/pstn-usage?before=" + callCursor(big, 25_000));
    page(pages, web, "PSTN usage, one day", "reports/pstn-usage?" + day);
    page(pages, web, "PSTN usage, one month", "reports/pstn-usage?" + month);
    page(pages, web, "PSTN usage, one year", "reports/pstn-usage?" + year);
    page(
        pages,
        web,
        "PSTN usage, one year, one user",
        "reports/pstn-usage?" + year + "&user=" + upn);
    page(
        pages,
        web,
        "PSTN usage, one year, 1,000 pages deep (before=cursor)",
        "reports/pstn-usage?" + year + "&before=" + callCursor(big, 50_000));
    page(pages, web, "Minute pools", "reports/pools");
    page(pages, web, "Reports", "reports");
    page(pages, web, "Products & services", "billing/products");
    page(pages, web, "Payment methods", "billing/payment-methods");
    page(pages, web, "EA statements", "billing/statements");
    page(pages, web, "Spend caps per user", "billing/spend-caps");
    page(pages, web, "Message center", "messages");
    page(pages, web, "Audit log", "settings/audit");
    page(pages, web, "Admins", "settings/admins");
    page(pages, web, "API keys", "settings/api-keys");
    page(pages, web, "Billing notifications", "settings/notifications");
    page(pages, web, "Rates", "settings/rates");
    api(pages, api, key, "API wallet", "wallet");
    api(pages, api, key, "API transactions size=100", "wallet/transactions?size=100");
    api(pages, api, key, "API transactions page=50", "wallet/transactions?size=100&page=50");
    // an offset page must start within the first 10,000 entries (deeper: 400 naming the cursor)
    api(
        pages,
        api,
        key,
        "API transactions page=99 (deepest offset)",
        "wallet/transactions?size=100&page=99");
    api(
        pages,
        api,
        key,
        "API transactions 5,000 pages deep (before=cursor)",
        "wallet/transactions?size=100&before=" + cursor(big, 500_000));
    api(pages, api, key, "API transactions one month", "wallet/transactions?size=100&" + month);
    api(pages, api, key, "API users", "users?size=100");
    api(pages, api, key, "API notifications", "notifications");
    api(pages, api, key, "API pools", "pools");
    api(pages, api, key, "API subscriptions", "subscriptions");
    api(pages, api, key, "API PSTN usage JSON, one day", "reports/pstn-usage?" + day);

    StringBuilder table =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n=== Pages at %,d call records (%d requests each after %d warm-up) ===%n"
                    + "| page or call | p50 | p95 | max |%n|---|---|---|---|%n",
                CALLS,
                REQUESTS,
                WARMUP));
    List<String> failed = new ArrayList<>();
    for (var page : pages.entrySet()) {
      if (REQUESTS == 0) {
        break; // -Dbench.requests=0: exports and rating only
      }
      long[] took = new long[REQUESTS];
      for (int i = 0; i < WARMUP + REQUESTS; i++) {
        long started = System.nanoTime();
        int status = page.getValue().get();
        long elapsed = System.nanoTime() - started;
        if (status != 200) {
          failed.add(page.getKey() + " answered " + status);
        }
        if (i >= WARMUP) {
          took[i - WARMUP] = elapsed;
        }
      }
      Arrays.sort(took);
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f ms | %.1f ms | %.1f ms |%n",
              page.getKey(),
              KeepAliveLoad.percentile(took, 0, 50),
              KeepAliveLoad.percentile(took, 0, 95),
              took[took.length - 1] / 1e6));
      System.out.print(table.substring(table.lastIndexOf("| " + page.getKey())));
    }

    long yearRows =
        Fixtures.count(
            "SELECT COUNT(*) FROM call_record WHERE organisation_id = ? AND start_at >= ?",
            big.org().id(),
            Timestamp.valueOf(
                today
                    .minusYears(1)
                    .atStartOfDay(ZONE)
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime()));
    table.append(export(root, key, year, "csv", yearRows));
    table.append(export(root, key, year, "xlsx", yearRows));
    table.append(ratingUnderReads(api, root, web));
    System.out.println(table);
    assertEquals(List.of(), failed.stream().distinct().toList(), "every page answered 200");

    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT w.balance - SUM(e.amount) FROM wallet w JOIN ledger_entry e "
                    + "ON e.wallet_id = w.id WHERE w.id = ? GROUP BY w.balance",
                big.wallet())
            .signum());
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT (SELECT SUM(remaining) FROM funding_lot WHERE wallet_id = ?) "
                    + "- (SELECT balance FROM wallet WHERE id = ?)",
                big.wallet(),
                big.wallet())
            .signum());
  }

  /**
   * The id of the ledger entry {@code skip} entries from the newest (a deep page's cursor), or of
   * the oldest when a smaller run (-Dbench.calls) has fewer.
   */
  private static long cursor(Tenant tenant, int skip) {
    long entries =
        Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ?", tenant.wallet());
    return Fixtures.count(
        "SELECT id FROM ledger_entry WHERE wallet_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
        tenant.wallet(),
        Math.min(skip, entries) - 1);
  }

  /** The call a report page's Older link names after {@code skip} calls, newest first. */
  private static long callCursor(Tenant tenant, int skip) {
    return Fixtures.count(
        "SELECT id FROM call_record WHERE organisation_id = ?"
            + " ORDER BY start_at DESC, id DESC LIMIT 1 OFFSET ?",
        tenant.org().id(),
        skip - 1);
  }

  private static void page(
      Map<String, Supplier<Integer>> pages, WebSession web, String name, String path) {
    pages.put(name, () -> web.get(path).statusCode());
  }

  private static void api(
      Map<String, Supplier<Integer>> pages, ApiClient api, String key, String name, String path) {
    pages.put(name, () -> api.get(path, key).status());
  }

  /**
   * One organisation: Business Voice and Communications Credits for 100 US users, {@code fundings}
   * × 100,000 USD of credits through the API.
   */
  private Tenant tenant(ApiClient api, URI root, String name, int fundings) throws Exception {
    TestOrg org = Fixtures.organisation(name, "USD");
    Fixtures.card(org);
    String admin = org.key(Role.GLOBAL_ADMIN);
    for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
      ApiClient.Reply bought =
          api.post("subscriptions", admin, "{\"sku\":\"" + sku + "\",\"quantity\":" + USERS + "}");
      assertEquals(201, bought.status(), bought.body());
    }
    String number =
        "2"
            + String.format(
                "%07d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000));
    Fixtures.eaAgreement(org, number, "1000000.00");
    long ea =
        api.post(
                "payment-methods",
                admin,
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + number + "\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    for (int f = 0; f < fundings; f++) {
      ApiClient.Reply funded =
          api.post(
              "wallet/fundings",
              admin,
              UUID.randomUUID().toString(),
              "{\"amount\":{\"amount\":\"100000.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                  + ea
                  + "}");
      assertEquals(201, funded.status(), funded.body());
    }
    List<String> upns = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      String upn = "caller" + u + "@" + org.domain();
      Fixtures.addUser(org, upn, "Caller " + u, "US");
      for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
        ApiClient.Reply assigned = api.put("users/" + upn + "/licences/" + sku, admin, "");
        assertEquals(200, assigned.status(), assigned.body());
      }
      upns.add(upn);
    }
    return new Tenant(
        org, Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id()), upns);
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

  private static final String ENTRY_INSERT =
      "INSERT INTO ledger_entry (wallet_id, entry_type, amount, balance_after, "
          + "currency, occurred_at, recorded_at, idempotency_key, reference, description, actor) "
          + "VALUES (?, 'CHARGE', ?, ?, 'USD', ?, ?, ?, ?, ?, 'Telephony platform')";

  private static final String RECORD_INSERT =
      "INSERT INTO call_record (organisation_id, call_id, kind, user_upn, user_name, "
          + "user_location, from_number, to_number, destination_country, domestic, start_at, "
          + "end_at, duration_seconds, pool_kind, pool_minutes, wallet_seconds, rate_prefix, "
          + "connection_fee, charge, currency, ledger_entry_id, rated_at) "
          + "VALUES (?, ?, 'OUTBOUND', ?, ?, 'US', '+14255550100', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          + "0, ?, 'USD', ?, ?)";

  /**
   * The rows rating writes for CALLS calls spread evenly over the last 365 days, oldest first,
   * rated 30 s after each call ends; one transaction per 5,000 calls.
   */
  private void seed(Tenant tenant) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant first = now.minus(Duration.ofDays(365));
    long spacingMillis = Duration.ofDays(365).minusHours(2).toMillis() / CALLS;
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<YearMonth, Long> poolMinutes = new TreeMap<>();
    Map<LocalDateTime, long[]> callsPerHour = new TreeMap<>();
    Map<LocalDateTime, BigDecimal> spendPerHour = new TreeMap<>();
    // the wallet's charges per UTC day of the entries' time, as the ledger's writers keep them
    // (V39)
    Map<LocalDate, BigDecimal[]> chargesPerDay = new TreeMap<>();
    try (Connection c = raw()) {
      List<long[]> lots = new ArrayList<>(); // id, remaining in ten-thousandths
      List<BigDecimal> remaining = new ArrayList<>();
      BigDecimal balance;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, remaining FROM funding_lot WHERE wallet_id = "
                      + tenant.wallet()
                      + " ORDER BY expires_at, id")) {
        while (rs.next()) {
          lots.add(new long[] {rs.getLong(1)});
          remaining.add(rs.getBigDecimal(2));
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT balance FROM wallet WHERE id = " + tenant.wallet())) {
        rs.next();
        balance = rs.getBigDecimal(1);
      }
      c.commit();
      int lot = 0;
      for (int from = 0; from < CALLS; from += SEED_BATCH) {
        int to = Math.min(CALLS, from + SEED_BATCH);
        try (PreparedStatement records = c.prepareStatement(RECORD_INSERT);
            PreparedStatement entries =
                c.prepareStatement(ENTRY_INSERT, Statement.RETURN_GENERATED_KEYS);
            PreparedStatement allocations =
                c.prepareStatement(
                    "INSERT INTO lot_allocation (wallet_id, entry_id, lot_id, amount) "
                        + "VALUES (?, ?, ?, ?)")) {
          List<Integer> paid = new ArrayList<>();
          List<BigDecimal> charges = new ArrayList<>();
          for (int n = from; n < to; n++) {
            boolean domestic = n % 10 == 0;
            int seconds = 30 + (n * 37) % 600;
            Instant start = first.plusMillis(n * spacingMillis);
            Instant end = start.plusSeconds(seconds);
            LocalDateTime hour =
                LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
            callsPerHour.computeIfAbsent(hour, h -> new long[1])[0]++;
            if (domestic) {
              poolMinutes.merge(
                  YearMonth.from(start.atZone(ZONE)), (long) (seconds + 59) / 60, Long::sum);
            } else {
              BigDecimal charge = PER_MINUTE.multiply(BigDecimal.valueOf((seconds + 59) / 60));
              balance = balance.subtract(charge);
              spendPerHour.merge(hour, charge, BigDecimal::add);
              BigDecimal[] day =
                  chargesPerDay.computeIfAbsent(
                      LocalDate.ofInstant(end, ZoneOffset.UTC),
                      d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
              day[0] = day[0].add(charge);
              day[1] = day[1].add(BigDecimal.ONE);
              entries.setLong(1, tenant.wallet());
              entries.setBigDecimal(2, charge.negate());
              entries.setBigDecimal(3, balance);
              entries.setTimestamp(4, ts(end));
              entries.setTimestamp(5, ts(end.plusSeconds(30)));
              entries.setString(6, "call:" + run + "-" + n);
              entries.setString(7, run + "-" + n);
              entries.setString(8, "Call to " + to(n, false));
              entries.addBatch();
              paid.add(n);
              charges.add(charge);
            }
          }
          entries.executeBatch();
          Map<Integer, Long> entryIds = new java.util.HashMap<>();
          try (ResultSet keys = entries.getGeneratedKeys()) {
            for (int i = 0; keys.next(); i++) {
              entryIds.put(paid.get(i), keys.getLong(1));
            }
          }
          for (int i = 0; i < paid.size(); i++) {
            BigDecimal charge = charges.get(i);
            // soonest expiry first; what no lot covers is the uncovered part (a null lot)
            while (charge.signum() > 0) {
              while (lot < lots.size() && remaining.get(lot).signum() == 0) {
                lot++;
              }
              BigDecimal part = lot < lots.size() ? charge.min(remaining.get(lot)) : charge;
              allocations.setLong(1, tenant.wallet());
              allocations.setLong(2, entryIds.get(paid.get(i)));
              if (lot < lots.size()) {
                allocations.setLong(3, lots.get(lot)[0]);
                remaining.set(lot, remaining.get(lot).subtract(part));
              } else {
                allocations.setNull(3, java.sql.Types.BIGINT);
              }
              allocations.setBigDecimal(4, part);
              allocations.addBatch();
              charge = charge.subtract(part);
            }
          }
          allocations.executeBatch();
          for (int n = from; n < to; n++) {
            boolean domestic = n % 10 == 0;
            int seconds = 30 + (n * 37) % 600;
            int minutes = (seconds + 59) / 60;
            Instant start = first.plusMillis(n * spacingMillis);
            int u = n % USERS;
            records.setLong(1, tenant.org().id());
            records.setString(2, run + "-" + n);
            records.setString(3, tenant.upns().get(u));
            records.setString(4, "Caller " + u);
            records.setString(5, to(n, domestic));
            records.setString(6, domestic ? "US" : "GB");
            records.setBoolean(7, domestic);
            records.setTimestamp(8, ts(start));
            records.setTimestamp(9, ts(start.plusSeconds(seconds)));
            records.setInt(10, seconds);
            records.setString(11, domestic ? "DOMESTIC" : null);
            records.setInt(12, domestic ? minutes : 0);
            records.setInt(13, domestic ? 0 : seconds);
            records.setString(14, domestic ? null : "+44");
            records.setBigDecimal(
                15, domestic ? BigDecimal.ZERO : PER_MINUTE.multiply(BigDecimal.valueOf(minutes)));
            if (domestic) {
              records.setNull(16, java.sql.Types.BIGINT);
            } else {
              records.setLong(16, entryIds.get(n));
            }
            records.setTimestamp(17, ts(start.plusSeconds(seconds + 30L)));
            records.addBatch();
          }
          records.executeBatch();
        }
        try (PreparedStatement lotUpdate =
            c.prepareStatement("UPDATE funding_lot SET remaining = ? WHERE id = ?")) {
          for (int l = 0; l < lots.size(); l++) {
            lotUpdate.setBigDecimal(1, remaining.get(l));
            lotUpdate.setLong(2, lots.get(l)[0]);
            lotUpdate.addBatch();
          }
          lotUpdate.executeBatch();
        }
        try (PreparedStatement update =
            c.prepareStatement("UPDATE wallet SET balance = ? WHERE id = ?")) {
          update.setBigDecimal(1, balance);
          update.setLong(2, tenant.wallet());
          update.executeUpdate();
        }
        c.commit();
        if (from % 100_000 == 0) {
          System.out.printf(Locale.ROOT, "seeded %,d calls%n", to);
        }
      }
      try (PreparedStatement pools =
          c.prepareStatement(
              "INSERT INTO pool_usage (organisation_id, country, pool_kind, month, used_minutes) "
                  + "VALUES (?, 'US', 'DOMESTIC', ?, ?) "
                  + "ON DUPLICATE KEY UPDATE used_minutes = used_minutes + VALUES(used_minutes)")) {
        for (var e : poolMinutes.entrySet()) {
          pools.setLong(1, tenant.org().id());
          pools.setString(2, e.getKey().toString());
          pools.setLong(3, e.getValue());
          pools.addBatch();
        }
        pools.executeBatch();
      }
      seedHourly(c, tenant, callsPerHour, spendPerHour);
      seedChargeDays(c, tenant, chargesPerDay);
      c.commit();
    }
  }

  /**
   * The spend rows rating keeps beside the call records (one per organisation, hour (UTC) and call
   * kind), when the schema has them.
   */
  private static void seedHourly(
      Connection c,
      Tenant tenant,
      Map<LocalDateTime, long[]> calls,
      Map<LocalDateTime, BigDecimal> spend)
      throws Exception {
    try (ResultSet t = c.getMetaData().getTables(null, null, "call_spend_hourly", null)) {
      if (!t.next()) {
        return;
      }
    }
    try (PreparedStatement daily =
        c.prepareStatement(
            "INSERT INTO call_spend_hourly (organisation_id, hour, kind, calls, charge) "
                + "VALUES (?, ?, 'OUTBOUND', ?, ?)")) {
      for (var e : calls.entrySet()) {
        daily.setLong(1, tenant.org().id());
        daily.setTimestamp(2, Timestamp.valueOf(e.getKey()));
        daily.setLong(3, e.getValue()[0]);
        daily.setBigDecimal(4, spend.getOrDefault(e.getKey(), BigDecimal.ZERO));
        daily.addBatch();
      }
      daily.executeBatch();
    }
  }

  private static void seedChargeDays(Connection c, Tenant tenant, Map<LocalDate, BigDecimal[]> days)
      throws Exception {
    try (ResultSet t = c.getMetaData().getTables(null, null, "ledger_charge_daily", null)) {
      if (!t.next()) {
        return;
      }
    }
    try (PreparedStatement daily =
        c.prepareStatement(
            "INSERT INTO ledger_charge_daily (wallet_id, day, charged, entries) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE charged = charged + VALUES(charged),"
                + " entries = entries + VALUES(entries)")) {
      for (var e : days.entrySet()) {
        daily.setLong(1, tenant.wallet());
        daily.setDate(2, java.sql.Date.valueOf(e.getKey()));
        daily.setBigDecimal(3, e.getValue()[0]);
        daily.setLong(4, e.getValue()[1].longValueExact());
        daily.addBatch();
      }
      daily.executeBatch();
    }
  }

  private static String to(int n, boolean domestic) {
    return (domestic ? "+1206555" : "+44207946") + String.format("%04d", n % 10_000);
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static final Pattern USED_HEAP =
      Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.Ee+]+)");

  /** The server's used heap now, from its metrics, in MB; -1 if it does not say. */
  private static double usedHeapMb(HttpClient client, URI root) {
    try {
      String text =
          client
              .send(
                  HttpRequest.newBuilder(root.resolve("/metrics?scope=base")).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = USED_HEAP.matcher(text);
      return m.find() ? Double.parseDouble(m.group(1)) / 1e6 : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Streams a year of the report through the API; rows/s and the heap around it. */
  private String export(URI root, String key, String year, String format, long rows)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    double before = usedHeapMb(client, root);
    AtomicBoolean running = new AtomicBoolean(true);
    double[] peak = {before};
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                peak[0] = Math.max(peak[0], usedHeapMb(client, root));
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    long started = System.nanoTime();
    long bytes = 0;
    long lines = 0;
    HttpRequest request =
        HttpRequest.newBuilder(
                root.resolve("api/v1/reports/pstn-usage?format=" + format + "&" + year))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofMinutes(30))
            .GET()
            .build();
    HttpResponse<InputStream> reply =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, reply.statusCode());
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = reply.body()) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        bytes += read;
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    running.set(false);
    sampler.join();
    double after = usedHeapMb(client, root);
    if ("csv".equals(format) && lines - 1 != rows) {
      System.out.printf(Locale.ROOT, "CSV had %,d lines for %,d rows%n", lines, rows);
    }
    return String.format(
        Locale.ROOT,
        "%nExport of a year as %s: %,d rows (%,d MB) in %.1f s = %,.0f rows/s; "
            + "server used heap before %.0f MB, highest during %.0f MB, after %.0f MB%n",
        format,
        rows,
        bytes / 1_000_000,
        seconds,
        rows / seconds,
        before,
        peak[0],
        after);
  }

  /**
   * POST /calls throughput for a second organisation alone and while a reader requests the big
   * organisation's Credits page without pause, in turns: batch by batch the reader is held, then
   * running (it has finished a page before the batch is posted, and is idle again before the next
   * batch alone), so a change in the shared machine's load falls on both alike.
   */
  private String ratingUnderReads(ApiClient api, URI root, WebSession reader) throws Exception {
    Tenant small = tenant(api, root, "BenchRater", 1);
    String platform = small.org().key(Role.PLATFORM);
    AtomicBoolean reading = new AtomicBoolean(false);
    AtomicBoolean busy = new AtomicBoolean(false);
    AtomicBoolean done = new AtomicBoolean(false);
    AtomicLong reads = new AtomicLong();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<?> hammer =
        pool.submit(
            () -> {
              while (!done.get()) {
                // busy before looking: once the rater has seen it false after holding the reader,
                // no page is under way or will start until the reader is let go again
                busy.set(true);
                if (!reading.get()) {
                  busy.set(false);
                  Thread.sleep(1); // held: sleeping, not spinning, so it takes no CPU from rating
                  continue;
                }
                if (reader.get("billing/credits").statusCode() != 200) {
                  throw new IllegalStateException("Credits page failed under rating");
                }
                reads.incrementAndGet();
                busy.set(false);
              }
              return null;
            });
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int warm = 2;
    Instant base = Instant.now().minus(Duration.ofDays(4));
    long[] took = new long[2]; // alone, under reads
    double[] busySeconds = new double[2]; // the machine's CPUs while those batches were posted
    long readingNanos = 0;
    long readsDuring = 0;
    try {
      for (int b = 0; b < 2 * RATING_BATCHES + warm; b++) {
        boolean underReads = b % 2 == 1;
        long readsBefore = reads.get();
        long readingSince = System.nanoTime();
        if (underReads) {
          reading.set(true);
          while (reads.get() == readsBefore) {
            Thread.sleep(1);
          }
        }
        double busyBefore = ProcessCpu.machineBusy();
        long t = postBatch(client, root, small, platform, base, b);
        double machine = ProcessCpu.machineBusy() - busyBefore;
        if (underReads) {
          reading.set(false);
          while (busy.get()) {
            Thread.sleep(1);
          }
          readingNanos += System.nanoTime() - readingSince;
          readsDuring += reads.get() - readsBefore;
        }
        if (b >= warm) {
          took[underReads ? 1 : 0] += t;
          busySeconds[underReads ? 1 : 0] += machine;
        }
      }
    } finally {
      done.set(true);
      reading.set(false);
      hammer.get();
      pool.shutdown();
    }
    double alone = RATING_BATCHES * 1000 / (took[0] / 1e9);
    double underReads = RATING_BATCHES * 1000 / (took[1] / 1e9);
    return String.format(
        Locale.ROOT,
        "%nRating (POST /calls, batches of 1,000, %d each way in turns): alone %,.0f calls/s; "
            + "while a reader requests the Credits page (%,.1f pages/s) %,.0f calls/s; "
            + "ratio %.2f; the machine's CPUs busy while the batches were posted: %.2f cores alone,"
            + " %.2f with the reader%n",
        RATING_BATCHES,
        alone,
        readsDuring / (readingNanos / 1e9),
        underReads,
        underReads / alone,
        busySeconds[0] / (took[0] / 1e9),
        busySeconds[1] / (took[1] / 1e9));
  }

  /**
   * Posts batch {@code b} of 1,000 calls; returns its nanoseconds. Calls start 7 s apart from four
   * days ago, so 2 x ratingBatches + 2 must stay under 49 (a later call would end in the future,
   * which rating rejects).
   */
  private static long postBatch(
      HttpClient client, URI root, Tenant tenant, String platform, Instant base, int b)
      throws Exception {
    StringBuilder body = new StringBuilder(1000 * 260).append('[');
    for (int i = 0; i < 1000; i++) {
      int n = b * 1000 + i;
      int seconds = 30 + (n * 37) % 600;
      Instant start = base.plusSeconds(n * 7L);
      body.append(i == 0 ? "" : ",")
          .append("{\"callId\":\"rate-")
          .append(n)
          .append("\",\"kind\":\"OUTBOUND\",\"userUpn\":\"")
          .append(tenant.upns().get(n % USERS))
          .append("\",\"from\":\"+14255550100\",\"to\":\"")
          .append(to(n, n % 10 == 0))
          .append("\",\"start\":\"")
          .append(start)
          .append("\",\"end\":\"")
          .append(start.plusSeconds(seconds))
          .append("\",\"durationSeconds\":")
          .append(seconds)
          .append('}');
    }
    body.append(']');
    return CallBatches.post(client, root, platform, body.toString());
  }
}
