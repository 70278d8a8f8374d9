package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.it.Deployments;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.shared.Caller;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.Charging;
import com.commcredits.wallet.CreditsOpening;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Charges per second through Charging (one transaction per charge: lock the wallet, draw on lots,
 * update, insert the entry and its allocations) on one hot wallet and across many wallets, beside
 * the same writes in raw JDBC, in one run on the same database. Not part of mvn verify; see the
 * README. Afterwards the invariant must hold for every wallet used.
 */
@ExtendWith(ArquillianExtension.class)
class WalletBenchmark {
  private static final int THREADS = Integer.getInteger("bench.threads", 8);
  private static final int CHARGES = Integer.getInteger("bench.charges", 4000);
  private static final int WALLETS = Integer.getInteger("bench.wallets", 50);

  @Deployment
  static WebArchive application() {
    return Deployments.application();
  }

  @Inject OrganisationService organisations;
  @Inject PaymentMethodService methods;
  @Inject EaAgreements agreements;
  @Inject CreditsOpening steps;
  @Inject FundingService fundings;
  @Inject WalletQueries wallets;
  @Inject Charging charging;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  private record Funded(Caller caller, Wallet wallet) {}

  private Funded wallet() {
    Organisation org =
        organisations.provision(
            "Bench " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of("UTC"));
    Caller caller = Caller.system(org.id());
    String number = "9" + String.valueOf(System.nanoTime()).substring(0, 7);
    agreements.register(
        Caller.system(org.id()).asOperator(),
        org.id(),
        new EaAgreements.Registration(number, "Test customer", "1000000000.00", null));
    long ea = methods.addEnterpriseAgreement(caller, number, null).id();
    Wallet wallet = steps.openCredits(caller);
    fundings.addFunds(
        caller, new AddFunds("100000.00", "USD", ea, null, UUID.randomUUID().toString()));
    return new Funded(caller, wallet);
  }

  @Test
  void charges_per_second_service_versus_raw_jdbc() throws Exception {
    Funded hot = wallet();
    Funded hotJdbc = wallet();
    List<Funded> many = new ArrayList<>();
    List<Funded> manyJdbc = new ArrayList<>();
    for (int i = 0; i < WALLETS; i++) {
      many.add(wallet());
      manyJdbc.add(wallet());
    }
    // warm-up: JIT, statement caches, pool
    run(List.of(wallet()), 400, this::serviceCharge);
    run(List.of(wallet()), 400, this::jdbcCharge);

    double serviceHot = run(List.of(hot), CHARGES, this::serviceCharge);
    double jdbcHot = run(List.of(hotJdbc), CHARGES, this::jdbcCharge);
    double serviceMany = run(many, CHARGES, this::serviceCharge);
    double jdbcMany = run(manyJdbc, CHARGES, this::jdbcCharge);

    String report =
        String.format(
            """
        Wallet charges, %d threads, %d charges per case, one transaction per charge (MariaDB 11.4, embedded)
        case                  Charging        raw JDBC   service/JDBC
        one hot wallet        %9.0f/s   %8.0f/s   %6.2f
        %3d wallets           %9.0f/s   %8.0f/s   %6.2f
        """,
            THREADS,
            CHARGES,
            serviceHot,
            jdbcHot,
            serviceHot / jdbcHot,
            WALLETS,
            serviceMany,
            jdbcMany,
            serviceMany / jdbcMany);
    System.out.println(report);
    Path out =
        Path.of(
            System.getProperty("wlp.server.dir", "target"),
            "..",
            "..",
            "..",
            "..",
            "..",
            "benchmarks");
    write(out, report);

    List<Funded> all = new ArrayList<>(many);
    all.add(hot);
    for (Funded f : all) {
      assertEquals(
          List.of(), wallets.checkInvariant(f.wallet().id()), "no drift after the benchmark");
    }
  }

  private static void write(Path dir, String report) throws IOException {
    Path normalized = dir.normalize();
    Files.createDirectories(normalized);
    Files.writeString(normalized.resolve("wallet-benchmark.txt"), report);
  }

  private interface ChargeOp {
    void charge(Funded wallet, String key) throws Exception;
  }

  private double run(List<Funded> targets, int total, ChargeOp op) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong next = new AtomicLong();
    String prefix = UUID.randomUUID().toString();
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          pool.submit(
              () -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                  op.charge(targets.get((int) (i % targets.size())), prefix + "-" + i);
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return total / seconds;
  }

  private void serviceCharge(Funded f, String key) {
    charging.charge(
        f.caller(),
        new Charge(
            Money.of("0.05", SupportedCurrency.USD),
            key,
            "bench",
            "Benchmark charge",
            Instant.now()));
  }

  /**
   * The same writes as a charge, by hand: lock, pick the lot, update lot and wallet, insert entry
   * and allocation.
   */
  private void jdbcCharge(Funded f, String key) throws SQLException {
    BigDecimal amount = new BigDecimal("0.05");
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      BigDecimal balance;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT balance FROM wallet WHERE id = ? FOR UPDATE")) {
        ps.setLong(1, f.wallet().id());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          balance = rs.getBigDecimal(1).subtract(amount);
        }
      }
      long lotId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM funding_lot WHERE wallet_id = ? AND remaining > 0 "
                  + "ORDER BY expires_at, purchased_at, id LIMIT 1")) {
        ps.setLong(1, f.wallet().id());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          lotId = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE funding_lot SET remaining = remaining - ? WHERE id = ?")) {
        ps.setBigDecimal(1, amount);
        ps.setLong(2, lotId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE wallet SET balance = ? WHERE id = ?")) {
        ps.setBigDecimal(1, balance);
        ps.setLong(2, f.wallet().id());
        ps.executeUpdate();
      }
      long entryId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO ledger_entry (wallet_id, entry_type, amount, "
                  + "balance_after, currency, occurred_at, recorded_at, idempotency_key, reference, description, actor) "
                  + "VALUES (?, 'CHARGE', ?, ?, 'USD', ?, ?, ?, 'bench', 'Benchmark charge', 'bench')",
              PreparedStatement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, f.wallet().id());
        ps.setBigDecimal(2, amount.negate());
        ps.setBigDecimal(3, balance);
        ps.setTimestamp(4, now);
        ps.setTimestamp(5, now);
        ps.setString(6, key);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          entryId = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO lot_allocation (wallet_id, entry_id, lot_id, amount) VALUES (?, ?, ?, ?)")) {
        ps.setLong(1, f.wallet().id());
        ps.setLong(2, entryId);
        ps.setLong(3, lotId);
        ps.setBigDecimal(4, amount);
        ps.executeUpdate();
      }
      c.commit();
    }
  }
}
