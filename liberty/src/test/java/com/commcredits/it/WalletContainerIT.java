package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.shared.Caller;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.ChargeResult;
import com.commcredits.wallet.Charging;
import com.commcredits.wallet.CreditsOpening;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.LotExpiry;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wallet's services in the container against MariaDB: FIFO across lots, negative balance then
 * funding, expiry at exactly 12 months with a moved clock, a timed-out payment settled once, and 16
 * threads charging and funding one wallet; after each, the invariant check of R-FUND-6.
 */
@ExtendWith(ArquillianExtension.class)
class WalletContainerIT {

  @Deployment
  static WebArchive application() {
    return Deployments.application().addClasses(MutableClock.class, TestClockProducer.class);
  }

  @Inject OrganisationService organisations;
  @Inject CreditsOpening steps;
  @Inject FundingService fundings;
  @Inject WalletQueries wallets;
  @Inject Charging charging;
  @Inject LotExpiry expiry;
  @Inject PaymentMethodService methods;
  @Inject EaAgreements agreements;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  @AfterEach
  void realTime() {
    MutableClock.INSTANCE.reset();
  }

  private record Setup(Caller caller, Wallet wallet, long ea, long card) {}

  private Setup organisationWithWallet(String cardNumber) {
    Organisation org =
        organisations.provision(
            "Wallet " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of("UTC"));
    Caller caller = Caller.system(org.id());
    String number = "1" + String.valueOf(System.nanoTime()).substring(0, 7);
    // R-PAY-1: the operator registers the EA number before it can pay
    agreements.register(
        Caller.system(org.id()).asOperator(),
        org.id(),
        new EaAgreements.Registration(number, "Test customer", "1000000000.00", null));
    long ea = methods.addEnterpriseAgreement(caller, number, null).id();
    long card =
        methods
            .addCard(
                caller,
                new PaymentMethodService.NewCard(
                    cardNumber, 12, YearMonth.now().getYear() + 3, "123"))
            .id();
    Wallet wallet = steps.openCredits(caller);
    return new Setup(caller, wallet, ea, card);
  }

  private FundingOutcome fundEa(Setup s, String amount) {
    return fundings.addFunds(
        s.caller(), new AddFunds(amount, "USD", s.ea(), null, UUID.randomUUID().toString()));
  }

  private ChargeResult charge(Setup s, String amount, String key) {
    return charging.charge(
        s.caller(),
        new Charge(
            Money.of(amount, SupportedCurrency.USD),
            key,
            "test",
            "Test charge",
            MutableClock.INSTANCE.instant()));
  }

  private void assertConsistent(Setup s) {
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()), "R-FUND-6 invariant");
  }

  private BigDecimal balance(Setup s) {
    return wallets.get(s.caller()).balance().amount();
  }

  @Test
  void R_FUND_3_a_charge_spanning_three_lots_draws_on_the_soonest_expiring_first() {
    Instant t0 = Instant.parse("2026-01-10T09:00:00Z");
    Setup s = organisationWithWallet("4242424242424242");
    MutableClock.INSTANCE.set(t0.plus(Duration.ofDays(60)));
    long newest = fundEa(s, "10.00").lot().id();
    MutableClock.INSTANCE.set(t0);
    long oldest = fundEa(s, "10.00").lot().id();
    MutableClock.INSTANCE.set(t0.plus(Duration.ofDays(30)));
    long middle = fundEa(s, "10.00").lot().id();
    MutableClock.INSTANCE.set(t0.plus(Duration.ofDays(70)));

    ChargeResult result = charge(s, "25.00", "span-" + UUID.randomUUID());
    // what each lot paid is the meaning; the order of allocation rows is not
    assertEquals(
        Set.of(
            new ChargeResult.LotPayment(oldest, new BigDecimal("10.0000")),
            new ChargeResult.LotPayment(middle, new BigDecimal("10.0000")),
            new ChargeResult.LotPayment(newest, new BigDecimal("5.0000"))),
        Set.copyOf(result.fundedBy()));
    assertEquals(0, new BigDecimal("5.00").compareTo(balance(s)));
    assertConsistent(s);
  }

  @Test
  void R_FUND_5_a_charge_may_go_below_zero_and_the_next_funding_covers_it_first() {
    Setup s = organisationWithWallet("4242424242424242");
    ChargeResult negative = charge(s, "50.00", "neg-" + UUID.randomUUID());
    assertEquals(0, new BigDecimal("-50.00").compareTo(negative.balanceAfter()));
    assertEquals(1, negative.fundedBy().size());
    assertNull(negative.fundedBy().get(0).lotId(), "no lot paid: the balance went negative");
    FundingOutcome funded = fundEa(s, "80.00");
    assertEquals(
        0,
        new BigDecimal("30.00").compareTo(funded.lot().remaining()),
        "the lot first covered the 50.00");
    assertEquals(0, new BigDecimal("30.00").compareTo(balance(s)));
    assertConsistent(s);
  }

  @Test
  void R_FUND_4_funds_expire_exactly_12_months_after_purchase() {
    Instant purchased = Instant.parse("2025-03-31T12:00:00.000001Z");
    Setup s = organisationWithWallet("4242424242424242");
    MutableClock.INSTANCE.set(purchased);
    FundingOutcome funded = fundEa(s, "100.00");
    assertEquals(Instant.parse("2026-03-31T12:00:00.000001Z"), funded.lot().expiresAt());
    charge(s, "30.00", "before-expiry-" + UUID.randomUUID());

    MutableClock.INSTANCE.set(Instant.parse("2026-03-31T12:00:00Z"));
    assertEquals(0, expiry.expireLots(s.wallet().id()), "one microsecond early: nothing expires");
    assertEquals(0, new BigDecimal("70.00").compareTo(balance(s)));

    MutableClock.INSTANCE.set(Instant.parse("2026-03-31T12:00:00.000001Z"));
    assertEquals(1, expiry.expireLots(s.wallet().id()));
    assertEquals(0, expiry.expireLots(s.wallet().id()), "expiry happens once");
    assertEquals(0, BigDecimal.ZERO.compareTo(balance(s)));
    assertEquals(
        0,
        new BigDecimal("-70.00")
            .compareTo(
                sum(
                    "SELECT SUM(amount) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'EXPIRY'",
                    s.wallet().id())));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND expired_at IS NOT NULL",
            s.wallet().id()),
        "the lot is kept, marked expired");
    assertConsistent(s);
  }

  @Test
  void R_PAY_2_a_payment_whose_answer_was_lost_is_settled_later_exactly_once() {
    Setup s = organisationWithWallet("4000000000000119");
    FundingOutcome pending =
        fundings.addFunds(
            s.caller(), new AddFunds("45.00", "USD", s.card(), null, UUID.randomUUID().toString()));
    assertEquals(FundingStatus.PENDING, pending.status());
    assertEquals(0, BigDecimal.ZERO.compareTo(balance(s)), "no funds while the outcome is unknown");

    fundings.resolvePending(Duration.ZERO);
    fundings.resolvePending(Duration.ZERO);
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ?", s.wallet().id()),
        "one lot");
    assertEquals(
        "SUCCEEDED", string("SELECT status FROM funding WHERE id = ?", pending.funding().id()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM sandbox_payment WHERE idempotency_key = ?",
            "funding-" + pending.funding().id()),
        "the gateway took one payment");
    assertEquals(0, new BigDecimal("45.00").compareTo(balance(s)));
    assertConsistent(s);
  }

  @Test
  void R_FUND_8_sixteen_threads_charging_and_funding_one_wallet_lose_no_update() throws Exception {
    Setup s = organisationWithWallet("4242424242424242");
    fundEa(s, "100.00");
    int threads = 16;
    int rounds = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(
          pool.submit(
              () -> {
                start.await();
                int duplicates = 0;
                for (int r = 0; r < rounds; r++) {
                  charge(s, "1.37", "t" + thread + "-r" + r);
                  if (r % 3 == 0) {
                    fundings.addFunds(
                        s.caller(),
                        new AddFunds("10.00", "USD", s.ea(), null, "f-" + thread + "-" + r));
                  }
                  // every thread also sends the same charge: it must count once
                  if (charge(s, "2.00", "shared-charge").duplicate()) {
                    duplicates++;
                  }
                }
                return duplicates;
              }));
    }
    start.countDown();
    int duplicates = 0;
    for (Future<Integer> f : results) {
      duplicates += f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    int charges = threads * rounds;
    int fundingsMade = threads * ((rounds + 2) / 3);
    BigDecimal expected =
        new BigDecimal("100.00")
            .add(new BigDecimal("10.00").multiply(BigDecimal.valueOf(fundingsMade)))
            .subtract(new BigDecimal("1.37").multiply(BigDecimal.valueOf(charges)))
            .subtract(new BigDecimal("2.00"));
    assertEquals(0, expected.compareTo(balance(s)), "expected " + expected + " got " + balance(s));
    assertEquals(
        threads * rounds - 1,
        duplicates,
        "the shared charge was recorded once, the rest were duplicates");
    assertEquals(
        charges + 1,
        count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'CHARGE'",
            s.wallet().id()));
    assertEquals(
        0,
        expected.compareTo(
            sum("SELECT SUM(amount) FROM ledger_entry WHERE wallet_id = ?", s.wallet().id())));
    assertConsistent(s);
    assertTrue(
        count("SELECT COUNT(*) FROM lot_allocation WHERE wallet_id = ?", s.wallet().id())
            >= charges);
  }

  /**
   * The balance chart keeps the closing balances of days settled ten minutes ago in memory (issue
   * 15): today's stays live, a day just ended is read again, and an entry recorded inside a day
   * already kept (a clock moved back, as the demo's history does) is shown, never the old figure.
   */
  @Test
  void R_REP_3_the_balance_chart_never_shows_a_closing_balance_an_entry_has_changed() {
    Instant t0 = Instant.parse("2026-02-10T12:00:00Z");
    Setup s = organisationWithWallet("4242424242424242");
    MutableClock.INSTANCE.set(t0);
    fundEa(s, "100.00");
    MutableClock.INSTANCE.set(Instant.parse("2026-02-13T12:00:00Z"));
    assertBalances(s, "2026-02-09:0", "2026-02-10:100", "2026-02-12:100", "2026-02-13:100");
    charge(s, "10.00", "today-" + UUID.randomUUID());
    assertBalances(s, "2026-02-12:100", "2026-02-13:90");

    // five minutes after midnight, a use case that began just before it records its entry
    MutableClock.INSTANCE.set(Instant.parse("2026-02-14T00:05:00Z"));
    assertBalances(s, "2026-02-13:90", "2026-02-14:90");
    MutableClock.INSTANCE.set(Instant.parse("2026-02-13T23:59:59Z"));
    charge(s, "1.00", "late-" + UUID.randomUUID());
    MutableClock.INSTANCE.set(Instant.parse("2026-02-14T00:05:00Z"));
    assertBalances(s, "2026-02-12:100", "2026-02-13:89", "2026-02-14:89");

    // an entry recorded inside days the chart already keeps
    MutableClock.INSTANCE.set(Instant.parse("2026-02-11T12:00:00Z"));
    charge(s, "5.00", "back-" + UUID.randomUUID());
    MutableClock.INSTANCE.set(Instant.parse("2026-02-14T00:05:00Z"));
    assertBalances(s, "2026-02-10:100", "2026-02-11:84", "2026-02-12:84", "2026-02-13:89");
    assertConsistent(s);
  }

  /** Each "day:balance" as the chart of the last six days shows it. */
  private void assertBalances(Setup s, String... expected) {
    Map<LocalDate, BigDecimal> chart = wallets.balanceHistory(s.caller(), 6);
    for (String e : expected) {
      String[] dayAndBalance = e.split(":");
      LocalDate day = LocalDate.parse(dayAndBalance[0]);
      assertEquals(
          0, new BigDecimal(dayAndBalance[1]).compareTo(chart.get(day)), e + " in " + chart);
    }
  }

  private long count(String sql, Object arg) {
    return sum(sql, arg).longValue();
  }

  private BigDecimal sum(String sql, Object arg) {
    String value = string(sql, arg);
    return value == null ? BigDecimal.ZERO : new BigDecimal(value);
  }

  private String string(String sql, Object arg) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
