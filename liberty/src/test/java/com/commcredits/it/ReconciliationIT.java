package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.reconciliation.Finding;
import com.commcredits.reconciliation.ReconciliationRun;
import com.commcredits.reconciliation.ReconciliationService;
import com.commcredits.reconciliation.RunAlreadyGoing;
import com.commcredits.reconciliation.RunMode;
import com.commcredits.reconciliation.RunStatus;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.Charging;
import com.commcredits.wallet.CreditsOpening;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.Wallet;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly reconciliation in the container (R-RECON-1, R-RECON-2): each kind of drift, injected
 * with direct SQL, is reported with its kind, ids and values and nothing is changed; two starts at
 * once make one run; a run whose partition failed, restarted, reports what an uninterrupted run
 * reports. Assertions look only at this class's organisations (other classes share the database).
 */
@ExtendWith(ArquillianExtension.class)
class ReconciliationIT {

  @Deployment
  static WebArchive application() {
    return Deployments.application();
  }

  @Inject EaAgreements agreements;
  @Inject OrganisationService organisations;
  @Inject CreditsOpening opening;
  @Inject FundingService fundings;
  @Inject Charging charging;
  @Inject PaymentMethodService methods;
  @Inject ReconciliationService reconciliation;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  private record Tenant(Caller caller, long orgId, Wallet wallet, long ea, long card) {}

  private Caller operator() throws SQLException {
    Organisation org =
        organisations.provision(
            "Operator " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of("UTC"));
    sql("UPDATE organisation SET publishes_rates = TRUE WHERE id = ?", org.id());
    return Caller.system(org.id());
  }

  private Tenant tenant(String funds) {
    Organisation org =
        organisations.provision(
            "Recon " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of("UTC"));
    Caller caller = Caller.system(org.id());
    long ea = methods.addEnterpriseAgreement(caller, registeredEa(caller, "2"), null).id();
    long card =
        methods
            .addCard(
                caller,
                new PaymentMethodService.NewCard(
                    "4242424242424242", 12, YearMonth.now().getYear() + 3, "123"))
            .id();
    Wallet wallet = opening.openCredits(caller);
    fundings.addFunds(caller, new AddFunds(funds, "USD", ea, null, UUID.randomUUID().toString()));
    charging.charge(
        caller,
        new Charge(
            Money.of("10.00", SupportedCurrency.USD),
            "test:" + UUID.randomUUID(),
            "test",
            "Test charge",
            Instant.now()));
    return new Tenant(caller, org.id(), wallet, ea, card);
  }

  private long sql(String statement, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(statement, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    }
  }

  private String snapshot(long orgId) throws SQLException {
    StringBuilder out = new StringBuilder();
    String[] queries = {
      "SELECT id, balance FROM wallet WHERE organisation_id = ? ORDER BY id",
      "SELECT l.id, l.remaining, l.expired_at FROM funding_lot l JOIN wallet w ON w.id = l.wallet_id "
          + "WHERE w.organisation_id = ? ORDER BY l.id",
      "SELECT e.id, e.amount FROM ledger_entry e JOIN wallet w ON w.id = e.wallet_id "
          + "WHERE w.organisation_id = ? ORDER BY e.id",
      "SELECT id, status, lot_id FROM funding WHERE organisation_id = ? ORDER BY id",
      "SELECT country, pool_kind, month, used_minutes FROM pool_usage WHERE organisation_id = ? "
          + "ORDER BY country, pool_kind, month",
      "SELECT id, charge, ledger_entry_id FROM call_record WHERE organisation_id = ? ORDER BY id",
      "SELECT id, amount FROM ea_billing_line WHERE organisation_id = ? ORDER BY id"
    };
    try (Connection c = dataSource.getConnection()) {
      for (String q : queries) {
        try (PreparedStatement ps = c.prepareStatement(q)) {
          ps.setLong(1, orgId);
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                out.append(rs.getString(i)).append(',');
              }
              out.append('\n');
            }
          }
        }
      }
    }
    return out.toString();
  }

  private ReconciliationRun awaitEnd(Caller operator, long runId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      ReconciliationRun run = reconciliation.run(operator, runId);
      if (!run.running()) {
        return run;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Run " + runId + " did not end in 2 minutes");
  }

  /** Waits for any run still going (another test's), so a start is not refused by it. */
  private void awaitIdle(Caller operator) throws InterruptedException {
    for (ReconciliationRun run : reconciliation.runs(operator, 10)) {
      if (run.running()) {
        awaitEnd(operator, run.id());
      }
    }
  }

  private ReconciliationRun fullRun(Caller operator) throws InterruptedException {
    awaitIdle(operator);
    ReconciliationRun run = reconciliation.start(operator, RunMode.FULL);
    return awaitEnd(operator, run.id());
  }

  private List<Finding> findings(Caller operator, long runId, long orgId) {
    return reconciliation.findings(operator, runId, null, orgId, 0, 1000);
  }

  /** The hour (UTC) a call record started in, as the hourly spend finding names it. */
  private String hourOf(long callRecordId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DATE_FORMAT(start_at, '%Y-%m-%dT%H:00:00Z') FROM call_record WHERE id = ?")) {
      ps.setLong(1, callRecordId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static Set<String> described(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                f.kind()
                    + "|"
                    + f.organisationId()
                    + "|"
                    + f.walletId()
                    + "|"
                    + f.subject()
                    + "|"
                    + f.expected()
                    + "|"
                    + f.actual())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private long lotOf(Tenant t) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT MIN(id) FROM funding_lot WHERE wallet_id = ?")) {
      ps.setLong(1, t.wallet().id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void R_RECON_1_each_kind_of_drift_is_reported_with_its_ids_and_values_and_nothing_is_changed()
      throws Exception {
    Caller operator = operator();
    Tenant clean = tenant("100.00");
    Tenant lots = tenant("100.00");
    Tenant balance = tenant("100.00");
    Tenant calls = tenant("100.00");
    // a lot's remaining changed (90.00 after the 10.00 charge)
    long lot = lotOf(lots);
    sql("UPDATE funding_lot SET remaining = remaining - 1 WHERE id = ?", lot);
    // the wallet's balance changed without a ledger entry
    sql("UPDATE wallet SET balance = balance + 5 WHERE id = ?", balance.wallet().id());
    // a rated call with a charge but no ledger charge
    long call =
        sql(
            "INSERT INTO call_record (organisation_id, call_id, kind, from_number, to_number, "
                + "destination_country, domestic, start_at, end_at, duration_seconds, pool_minutes, "
                + "wallet_seconds, connection_fee, charge, currency, rated_at) VALUES (?, ?, "
                + "'OUTBOUND', '+14155550100', '+442071838750', 'GB', FALSE, UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6), 60, 0, 60, 0, 1.5, 'USD', UTC_TIMESTAMP(6))",
            calls.orgId(),
            "drift-" + UUID.randomUUID());
    // a payment approved at the gateway without its lot (the funding recorded as failed)
    long paid =
        sql(
            "INSERT INTO funding (wallet_id, organisation_id, idempotency_key, request_fingerprint, "
                + "amount, currency, source, payment_method_id, status, requested_at, actor) "
                + "VALUES (?, ?, ?, 'x', 25.00, 'USD', 'MANUAL', ?, 'FAILED', UTC_TIMESTAMP(6), 'test')",
            calls.wallet().id(),
            calls.orgId(),
            UUID.randomUUID().toString(),
            calls.card());
    sql(
        "INSERT INTO sandbox_payment (idempotency_key, token, amount, currency, outcome, reference, "
            + "message, created_at) VALUES (?, 'tok', 25.00, 'USD', 'APPROVED', ?, 'Approved', "
            + "UTC_TIMESTAMP(6))",
        "funding-" + paid,
        "ref-" + paid);
    // an EA funding marked succeeded without its billing line (and without its lot)
    long ea =
        sql(
            "INSERT INTO funding (wallet_id, organisation_id, idempotency_key, request_fingerprint, "
                + "amount, currency, source, payment_method_id, status, requested_at, actor) "
                + "VALUES (?, ?, ?, 'x', 40.00, 'USD', 'PURCHASE_ORDER', ?, 'SUCCEEDED', "
                + "UTC_TIMESTAMP(6), 'test')",
            calls.wallet().id(),
            calls.orgId(),
            UUID.randomUUID().toString(),
            calls.ea());
    // a day of charges the runway would read that no CHARGE entry of that day sums to (issue 15)
    sql(
        "INSERT INTO ledger_charge_daily (wallet_id, day, charged, entries) "
            + "VALUES (?, '2026-01-02', 2.5, 1)",
        lots.wallet().id());
    // a pool count without the calls that would have used it
    sql(
        "INSERT INTO pool_usage (organisation_id, country, pool_kind, month, used_minutes) "
            + "VALUES (?, 'US', 'DOMESTIC', '2026-01', 7)",
        calls.orgId());

    List<Tenant> all = List.of(clean, lots, balance, calls);
    List<String> before = new ArrayList<>();
    for (Tenant t : all) {
      before.add(snapshot(t.orgId()));
    }

    ReconciliationRun run = fullRun(operator);
    assertEquals(RunStatus.COMPLETED, run.status(), "run " + run);

    assertEquals(Set.of(), described(findings(operator, run.id(), clean.orgId())));
    long lw = lots.wallet().id();
    Set<String> lotFindings = new TreeSet<>(described(findings(operator, run.id(), lots.orgId())));
    assertTrue(
        lotFindings.removeIf(
            f ->
                f.startsWith(
                        "DAILY_TOTAL_MISMATCH|" + lots.orgId() + "|" + lw + "|charges:2026-01-02|")
                    && f.endsWith("|2.5000")),
        "the daily charges' drift: " + lotFindings);
    assertEquals(
        Set.of(
            "LOT_MISMATCH|" + lots.orgId() + "|" + lw + "|lot:" + lot + "|90.0000|89.0000",
            "LOT_REMAINDERS_MISMATCH|"
                + lots.orgId()
                + "|"
                + lw
                + "|wallet:"
                + lw
                + "|90.0000|89.0000"),
        lotFindings);
    long bw = balance.wallet().id();
    assertEquals(
        Set.of(
            "BALANCE_MISMATCH|" + balance.orgId() + "|" + bw + "|wallet:" + bw + "|90.0000|95.0000",
            "LOT_REMAINDERS_MISMATCH|"
                + balance.orgId()
                + "|"
                + bw
                + "|wallet:"
                + bw
                + "|95.0000|90.0000"),
        described(findings(operator, run.id(), balance.orgId())));
    long cw = calls.wallet().id();
    assertEquals(
        Set.of(
            "CALL_WITHOUT_CHARGE|" + calls.orgId() + "|" + cw + "|call:" + call + "|-1.5000|null",
            "PAYMENT_WITHOUT_LOT|"
                + calls.orgId()
                + "|"
                + cw
                + "|funding:"
                + paid
                + "|25.0000|null",
            "PAYMENT_WITHOUT_LOT|" + calls.orgId() + "|" + cw + "|funding:" + ea + "|40.0000|null",
            "EA_LINE_MISSING|" + calls.orgId() + "|" + cw + "|funding:" + ea + "|40.0000|null",
            "POOL_MISMATCH|" + calls.orgId() + "|null|pool:US:DOMESTIC:2026-01|0|7",
            // the call was written without the hourly spend row rating keeps beside it
            "DAILY_TOTAL_MISMATCH|"
                + calls.orgId()
                + "|null|spend:"
                + hourOf(call)
                + ":OUTBOUND|1.5000|null"),
        described(findings(operator, run.id(), calls.orgId())));

    for (int i = 0; i < all.size(); i++) {
      assertEquals(before.get(i), snapshot(all.get(i).orgId()), "the run changed nothing");
    }
    // the operator's billing contacts are told
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM notification WHERE organisation_id = ? "
                    + "AND event = 'RECONCILIATION_FINDINGS'")) {
      ps.setLong(1, operator.organisationId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(1, rs.getLong(1));
      }
    }
    // the tenant sees its last check
    assertTrue(reconciliation.lastCheck(clean.caller()).orElseThrow().matched());
    assertFalse(reconciliation.lastCheck(lots.caller()).orElseThrow().matched());
    // tenants see no run
    assertThrows(NotFoundException.class, () -> reconciliation.runs(clean.caller(), 10));

    // an incremental run after it reports the same differences of these wallets
    awaitIdle(operator);
    ReconciliationRun incremental =
        awaitEnd(operator, reconciliation.start(operator, RunMode.INCREMENTAL).id());
    assertEquals(RunStatus.COMPLETED, incremental.status());
    assertEquals(
        described(findings(operator, run.id(), lots.orgId())).size(),
        described(findings(operator, incremental.id(), lots.orgId())).size());
    assertEquals(Set.of(), described(findings(operator, incremental.id(), clean.orgId())));
  }

  @Test
  void R_RECON_2_two_timers_firing_at_once_make_one_run_and_a_second_start_is_refused()
      throws Exception {
    Caller operator = operator();
    awaitIdle(operator);
    LocalDate night = LocalDate.of(2100, 1, 1).plusDays((long) (Math.random() * 30000));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      Callable<Optional<ReconciliationRun>> fire =
          () -> {
            go.await();
            return reconciliation.startNightly(night, RunMode.INCREMENTAL);
          };
      Future<Optional<ReconciliationRun>> a = pool.submit(fire);
      Future<Optional<ReconciliationRun>> b = pool.submit(fire);
      go.countDown();
      List<ReconciliationRun> started = new ArrayList<>();
      a.get().ifPresent(started::add);
      b.get().ifPresent(started::add);
      assertEquals(1, started.size(), "one run for the night");
      // while it runs, an on-demand start is refused (409 on the API)
      ReconciliationRun again = reconciliation.run(operator, started.get(0).id());
      if (again.running()) {
        assertThrows(RunAlreadyGoing.class, () -> reconciliation.start(operator, RunMode.FULL));
      }
      assertEquals(RunStatus.COMPLETED, awaitEnd(operator, started.get(0).id()).status());
      // the same night never runs twice, even after the first ended
      assertTrue(reconciliation.startNightly(night, RunMode.INCREMENTAL).isEmpty());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void R_RECON_3_a_failed_partition_restarted_reports_what_an_uninterrupted_run_reports()
      throws Exception {
    Caller operator = operator();
    Tenant first = tenant("50.00");
    Tenant drifted = tenant("60.00");
    Tenant last = tenant("70.00");
    sql("UPDATE funding_lot SET remaining = remaining - 2 WHERE id = ?", lotOf(drifted));
    sql("UPDATE wallet SET balance = balance + 3 WHERE id = ?", last.wallet().id());

    ReconciliationRun whole = fullRun(operator);
    assertEquals(RunStatus.COMPLETED, whole.status());

    awaitIdle(operator);
    ReconciliationRun failing =
        reconciliation.startFailingAt(operator, RunMode.FULL, drifted.wallet().id());
    ReconciliationRun failed = awaitEnd(operator, failing.id());
    assertEquals(RunStatus.FAILED, failed.status(), "the injected failure fails the run");

    ReconciliationRun restarted = reconciliation.restart(operator, failed.id());
    assertEquals(failed.id(), restarted.id());
    ReconciliationRun done = awaitEnd(operator, failed.id());
    assertEquals(RunStatus.COMPLETED, done.status(), "restarted " + done);

    for (Tenant t : List.of(first, drifted, last)) {
      assertEquals(
          described(findings(operator, whole.id(), t.orgId())).stream()
              .map(s -> s)
              .collect(Collectors.toSet()),
          described(findings(operator, done.id(), t.orgId())).stream().collect(Collectors.toSet()),
          "same findings for organisation " + t.orgId());
    }
    assertEquals(2, described(findings(operator, done.id(), drifted.orgId())).size());
  }

  /**
   * What a {@code kill -9} of the server mid-step leaves behind, and the recovery the server runs
   * at its next start ({@link ReconciliationService#recoverAbandoned}, the start-up timer's
   * method): the wallet step dies after the expiry step ended and some chunks were committed; the
   * run row is still RUNNING with the cluster's running flag (no job listener ran), and its
   * execution is FAILED in the job repository, as Liberty's batch runtime marks its own executions
   * at start. Recovery restarts the execution from its checkpoints; its report equals an
   * uninterrupted run's, and the lot expired in the first step is not expired again.
   */
  @Test
  void
      R_RECON_2_a_run_killed_mid_step_is_resumed_at_start_with_the_same_report_and_no_lot_expired_twice()
          throws Exception {
    Caller operator = operator();
    Tenant first = tenant("50.00");
    Tenant expiring = tenant("80.00");
    Tenant drifted = tenant("60.00");
    Tenant last = tenant("70.00");
    long due = lotOf(expiring);
    sql("UPDATE funding_lot SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 HOUR WHERE id = ?", due);
    sql("UPDATE funding_lot SET remaining = remaining - 2 WHERE id = ?", lotOf(drifted));
    sql("UPDATE wallet SET balance = balance + 3 WHERE id = ?", last.wallet().id());

    awaitIdle(operator);
    ReconciliationRun killed =
        reconciliation.startFailingAt(operator, RunMode.FULL, drifted.wallet().id());
    assertEquals(RunStatus.FAILED, awaitEnd(operator, killed.id()).status());
    assertEquals(1, expiries(expiring), "the expiry step ran before the wallet step died");
    // the server died: no listener marked the run, it still holds the running flag
    sql(
        "UPDATE reconciliation_run SET status = 'RUNNING', running_flag = 1, finished_at = NULL, "
            + "error = NULL WHERE id = ?",
        killed.id());
    assertThrows(RunAlreadyGoing.class, () -> reconciliation.start(operator, RunMode.FULL));

    assertTrue(reconciliation.recoverAbandoned() >= 1, "the abandoned run is restarted");
    ReconciliationRun resumed = awaitEnd(operator, killed.id());
    assertEquals(RunStatus.COMPLETED, resumed.status(), "resumed " + resumed);
    assertEquals(1, expiries(expiring), "the lot is expired once");

    ReconciliationRun whole = fullRun(operator);
    assertEquals(RunStatus.COMPLETED, whole.status());
    for (Tenant t : List.of(first, expiring, drifted, last)) {
      assertEquals(
          described(findings(operator, whole.id(), t.orgId())),
          described(findings(operator, resumed.id(), t.orgId())),
          "same findings for organisation " + t.orgId());
    }
    assertEquals(2, described(findings(operator, resumed.id(), drifted.orgId())).size());
    assertEquals(2, described(findings(operator, resumed.id(), last.orgId())).size());
    assertEquals(Set.of(), described(findings(operator, resumed.id(), expiring.orgId())));
    assertEquals(1, expiries(expiring), "a later run expires nothing again");
  }

  private long expiries(Tenant t) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'EXPIRY'")) {
      ps.setLong(1, t.wallet().id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The hourly spend row rating writes with a call (issue 15), so that a test's injected call shows
   * only the drift it is about, not also a DAILY_TOTAL_MISMATCH.
   */
  private void hourlySpend(Tenant t, String start, String charge) throws SQLException {
    sql(
        "INSERT INTO call_spend_hourly (organisation_id, hour, kind, calls, charge) VALUES (?, "
            + "DATE_FORMAT(?, '%Y-%m-%d %H:00:00'), 'OUTBOUND', 1, ?) ON DUPLICATE KEY UPDATE "
            + "calls = calls + 1, charge = charge + VALUES(charge)",
        t.orgId(), start, new BigDecimal(charge));
  }

  /** A rated call record without a ledger charge (written {@code rated} ago, starting at start). */
  private long callWithoutCharge(Tenant t, String rated, String start) throws SQLException {
    hourlySpend(t, start, "1.5");
    return sql(
        "INSERT INTO call_record (organisation_id, call_id, kind, from_number, to_number, "
            + "destination_country, domestic, start_at, end_at, duration_seconds, pool_minutes, "
            + "wallet_seconds, connection_fee, charge, currency, rated_at) VALUES (?, ?, "
            + "'OUTBOUND', '+14155550100', '+442071838750', 'GB', FALSE, ?, ?, 60, 0, 60, 0, 1.5, "
            + "'USD', UTC_TIMESTAMP(6) - INTERVAL "
            + rated
            + ")",
        t.orgId(),
        "drift-" + UUID.randomUUID(),
        start,
        start);
  }

  /** A domestic call paid by the pool (no pool_usage row is written with it). */
  private long poolCall(Tenant t, String rated, String start, int minutes) throws SQLException {
    hourlySpend(t, start, "0");
    return sql(
        "INSERT INTO call_record (organisation_id, call_id, kind, from_number, to_number, "
            + "destination_country, domestic, user_location, pool_kind, start_at, end_at, "
            + "duration_seconds, pool_minutes, wallet_seconds, connection_fee, charge, currency, "
            + "rated_at) VALUES (?, ?, 'OUTBOUND', '+14155550100', '+14155550199', 'US', TRUE, "
            + "'US', 'DOMESTIC', ?, ?, ?, ?, 0, 0, 0, 'USD', UTC_TIMESTAMP(6) - INTERVAL "
            + rated
            + ")",
        t.orgId(),
        "pool-" + UUID.randomUUID(),
        start,
        start,
        minutes * 60,
        minutes);
  }

  @Test
  void R_RECON_1_a_month_with_pool_paid_calls_but_no_pool_usage_row_is_a_pool_mismatch()
      throws Exception {
    Caller operator = operator();
    Tenant t = tenant("100.00");
    poolCall(t, "1 SECOND", "2026-02-10 12:00:00", 3);
    poolCall(t, "1 SECOND", "2026-02-11 09:30:00", 4);
    String before = snapshot(t.orgId());

    ReconciliationRun run = fullRun(operator);
    assertEquals(RunStatus.COMPLETED, run.status());
    assertEquals(
        Set.of("POOL_MISMATCH|" + t.orgId() + "|null|pool:US:DOMESTIC:2026-02|7|0"),
        described(findings(operator, run.id(), t.orgId())));
    assertEquals(before, snapshot(t.orgId()), "the run wrote no pool_usage row");
  }

  @Test
  void R_RECON_2_incremental_cross_checks_read_only_what_came_after_the_last_completed_run()
      throws Exception {
    Caller operator = operator();
    Tenant t = tenant("100.00");
    // drift written long before the next run: older than the marks that run leaves
    long oldCall = callWithoutCharge(t, "2 DAY", "2026-03-15 10:00:00");
    poolCall(t, "2 DAY", "2026-03-15 11:00:00", 5);
    long oldPayment =
        sql(
            "INSERT INTO funding (wallet_id, organisation_id, idempotency_key, request_fingerprint, "
                + "amount, currency, source, payment_method_id, status, requested_at, resolved_at, "
                + "actor) VALUES (?, ?, ?, 'x', 25.00, 'USD', 'MANUAL', ?, 'SUCCEEDED', "
                + "UTC_TIMESTAMP(6) - INTERVAL 2 DAY, UTC_TIMESTAMP(6) - INTERVAL 2 DAY, 'test')",
            t.wallet().id(),
            t.orgId(),
            UUID.randomUUID().toString(),
            t.card());
    Set<String> old =
        Set.of(
            "CALL_WITHOUT_CHARGE|"
                + t.orgId()
                + "|"
                + t.wallet().id()
                + "|call:"
                + oldCall
                + "|-1.5000|null",
            "POOL_MISMATCH|" + t.orgId() + "|null|pool:US:DOMESTIC:2026-03|5|0",
            "PAYMENT_WITHOUT_LOT|"
                + t.orgId()
                + "|"
                + t.wallet().id()
                + "|funding:"
                + oldPayment
                + "|25.0000|null");

    ReconciliationRun full = fullRun(operator);
    assertEquals(RunStatus.COMPLETED, full.status());
    assertEquals(old, described(findings(operator, full.id(), t.orgId())));

    ReconciliationRun quiet = incrementalRun(operator);
    assertEquals(RunStatus.COMPLETED, quiet.status());
    assertEquals(
        Set.of(),
        described(findings(operator, quiet.id(), t.orgId())),
        "drift older than the last run's marks is not read again");

    // drift written after the last run: the next incremental run sees it, and only it
    long newCall = callWithoutCharge(t, "1 SECOND", "2026-05-15 10:00:00");
    poolCall(t, "1 SECOND", "2026-06-15 11:00:00", 2);
    Set<String> fresh =
        Set.of(
            "CALL_WITHOUT_CHARGE|"
                + t.orgId()
                + "|"
                + t.wallet().id()
                + "|call:"
                + newCall
                + "|-1.5000|null",
            "POOL_MISMATCH|" + t.orgId() + "|null|pool:US:DOMESTIC:2026-06|2|0");
    ReconciliationRun incremental = incrementalRun(operator);
    assertEquals(fresh, described(findings(operator, incremental.id(), t.orgId())));

    // a full run reads everything again
    ReconciliationRun again = fullRun(operator);
    Set<String> all = new TreeSet<>(old);
    all.addAll(fresh);
    assertEquals(all, described(findings(operator, again.id(), t.orgId())));
  }

  private ReconciliationRun incrementalRun(Caller operator) throws InterruptedException {
    awaitIdle(operator);
    return awaitEnd(operator, reconciliation.start(operator, RunMode.INCREMENTAL).id());
  }

  /** An EA number the operator registered for the caller's organisation (R-PAY-1). */
  private String registeredEa(Caller caller, String firstDigit) {
    String number = firstDigit + String.valueOf(System.nanoTime()).substring(0, 7);
    agreements.register(
        Caller.system(caller.organisationId()).asOperator(),
        caller.organisationId(),
        new EaAgreements.Registration(number, "Test customer", "1000000000.00", null));
    return number;
  }
}
