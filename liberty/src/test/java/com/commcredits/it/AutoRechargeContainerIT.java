package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentGateway;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.payment.PaymentOutcome;
import com.commcredits.recharge.AutoRecharge;
import com.commcredits.recharge.RechargeAttempt;
import com.commcredits.recharge.RechargeService;
import com.commcredits.recharge.RechargeSteps;
import com.commcredits.shared.Caller;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.Charging;
import com.commcredits.wallet.CreditsOpening;
import com.commcredits.wallet.ExpiryNotices;
import com.commcredits.wallet.FundingRequests;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.LotExpiry;
import com.commcredits.wallet.LotSource;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auto-recharge in the container against MariaDB and the sandbox gateway (R-RECH-1 … R-RECH-3,
 * R-NOTIFY-1).
 */
@ExtendWith(ArquillianExtension.class)
class AutoRechargeContainerIT {

  @Deployment
  static WebArchive application() {
    return Deployments.application().addClasses(MutableClock.class, TestClockProducer.class);
  }

  @Inject OrganisationService organisations;
  @Inject PaymentMethodService methods;
  @Inject EaAgreements agreements;
  @Inject CreditsOpening opening;
  @Inject FundingRequests requests;
  @Inject FundingService fundings;
  @Inject WalletQueries wallets;
  @Inject Charging charging;
  @Inject LotExpiry lotExpiry;
  @Inject ExpiryNotices expiryNotices;
  @Inject RechargeService recharge;
  @Inject RechargeSteps rechargeSteps;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  @AfterEach
  void realTime() {
    MutableClock.INSTANCE.reset();
  }

  private record Setup(Caller caller, Wallet wallet, long card, long goodCard) {}

  /** A wallet with 100.00 and auto-recharge of {@code amount} below 50.00 with the given card. */
  private Setup wallet(String cardNumber, String amount) {
    Organisation org =
        organisations.provision(
            "Recharge " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of("UTC"));
    Caller c = Caller.system(org.id());
    int year = YearMonth.now().getYear() + 2;
    long card =
        methods.addCard(c, new PaymentMethodService.NewCard(cardNumber, 12, year, "123")).id();
    long good =
        methods
            .addCard(c, new PaymentMethodService.NewCard("4242424242424242", 12, year, "123"))
            .id();
    String number = "7" + String.valueOf(System.nanoTime()).substring(0, 7);
    // R-PAY-1: the operator registers the EA number before it can pay
    agreements.register(
        Caller.system(org.id()).asOperator(),
        org.id(),
        new EaAgreements.Registration(number, "Test customer", "1000000000.00", null));
    long ea = methods.addEnterpriseAgreement(c, number, null).id();
    Wallet w = opening.openCredits(c);
    fundings.addFunds(c, new AddFunds("100.00", "USD", ea, null, UUID.randomUUID().toString()));
    recharge.save(c, new RechargeService.Settings(true, amount, "50.00", card, null));
    return new Setup(c, w, card, good);
  }

  private void charge(Setup s, String amount) {
    charging.charge(
        s.caller(),
        new Charge(
            Money.of(amount, SupportedCurrency.USD),
            "c-" + UUID.randomUUID(),
            "test",
            "Test call",
            Instant.now()));
  }

  private long count(String sql, long walletOrOrg) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, walletOrOrg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long attempts(Setup s) {
    return count("SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ?", s.wallet().id());
  }

  private long settled(Setup s) {
    return count(
        "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND in_flight IS NULL",
        s.wallet().id());
  }

  private long notifications(Setup s, String event) {
    return count(
        "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = '" + event + "'",
        s.caller().organisationId());
  }

  private static void await(String what, LongSupplier actual, long expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (actual.getAsLong() != expected) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            what + ": expected " + expected + " but was " + actual.getAsLong());
      }
      Thread.sleep(200);
    }
  }

  /**
   * What the rails of R-RECH-3 say now for the wallet, from its committed attempts: empty when a
   * recharge would start, else the rail that holds it back.
   */
  private Optional<AutoRecharge.Hold> rail(Setup s) {
    long wallet = s.wallet().id();
    AutoRecharge.History history =
        new AutoRecharge.History() {
          @Override
          public boolean attemptInFlight() {
            return count(
                    "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? "
                        + "AND in_flight IS NOT NULL",
                    wallet)
                > 0;
          }

          @Override
          public long startedSince(Instant since) {
            return recharge.recentAttempts(s.caller()).stream()
                .filter(a -> a.createdAt().isAfter(since))
                .count();
          }

          @Override
          public Optional<Instant> lastFailedAt() {
            return recharge.recentAttempts(s.caller()).stream()
                .filter(a -> a.finishedAt() != null)
                .findFirst()
                .filter(a -> a.status() == RechargeAttempt.Status.FAILED)
                .map(RechargeAttempt::finishedAt);
          }
        };
    return recharge
        .settings(s.caller())
        .orElseThrow()
        .hold(wallets.get(s.caller()).balance().amount(), MutableClock.INSTANCE.instant(), history);
  }

  @Test
  void R_RECH_2_sixteen_concurrent_charges_that_cross_the_trigger_make_exactly_one_recharge()
      throws Exception {
    Setup s = wallet("4242424242424242", "100.00");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                charge(s, "5.00");
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    // an attempt is recorded in the transaction of the charge that crossed the trigger, so once
    // every charge has answered, the attempts are all there
    assertEquals(1, attempts(s), "one recharge for sixteen crossings");
    await("a settled recharge", () -> settled(s), 1);
    assertEquals(1, attempts(s), "and none after it");
    assertEquals(Optional.of(AutoRecharge.Hold.ABOVE_TRIGGER), rail(s));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND source = 'AUTO_RECHARGE' "
                + "AND amount = 100",
            s.wallet().id()),
        "one lot of exactly the recharge amount");
    assertEquals(0, new BigDecimal("120.00").compareTo(wallets.get(s.caller()).balance().amount()));
    assertEquals(1, notifications(s, "RECHARGE_SUCCEEDED"));
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()));
  }

  @Test
  void R_RECH_2_a_declined_card_adds_no_lot_and_the_email_gives_the_reason() throws Exception {
    Setup s = wallet("4000000000000002", "100.00");
    charge(s, "60.00");
    await("a settled recharge", () -> settled(s), 1);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND source = 'AUTO_RECHARGE'",
            s.wallet().id()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = 'RECHARGE_FAILED' "
                + "AND text_body LIKE '%declined%'",
            s.caller().organisationId()));
    assertEquals(0, new BigDecimal("40.00").compareTo(wallets.get(s.caller()).balance().amount()));
  }

  @Test
  void R_RECH_3_three_failures_in_a_row_suspend_it_and_nothing_more_happens_until_it_is_re_enabled()
      throws Exception {
    Instant t = Instant.now().plus(Duration.ofDays(1));
    MutableClock.INSTANCE.set(t);
    Setup s = wallet("4000000000000002", "100.00");
    charge(s, "60.00");
    await("first failure", () -> settled(s), 1);
    for (int n = 2; n <= 3; n++) {
      t = t.plus(Duration.ofMinutes(10));
      MutableClock.INSTANCE.set(t);
      rechargeSteps.startIfNeeded(s.wallet().id());
      long expected = n;
      await("failure " + n, () -> settled(s), expected);
    }
    assertEquals(1, notifications(s, "AUTO_RECHARGE_SUSPENDED"), "one suspension email");
    assertEquals(3, notifications(s, "RECHARGE_FAILED"));
    assertTrue(recharge.settings(s.caller()).orElseThrow().isSuspended());

    MutableClock.INSTANCE.set(t.plus(Duration.ofHours(2)));
    assertEquals(
        Optional.of(AutoRecharge.Hold.SUSPENDED),
        rail(s),
        "below the trigger, long after the back-off, only the suspension holds it back");
    // both record an attempt, if any, in their own transaction before they answer
    rechargeSteps.startIfNeeded(s.wallet().id());
    charge(s, "1.00");
    assertEquals(3, attempts(s), "no fourth attempt while suspended");
    assertEquals(Optional.of(AutoRecharge.Hold.SUSPENDED), rail(s));

    recharge.save(
        s.caller(), new RechargeService.Settings(true, "100.00", "50.00", s.goodCard(), null));
    await(
        "the recharge after re-enabling",
        () ->
            count(
                "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? "
                    + "AND status = 'SUCCEEDED'",
                s.wallet().id()),
        1);
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()));
  }

  @Test
  void R_RECH_3_at_most_five_recharges_in_24_hours() throws Exception {
    Setup s = wallet("4242424242424242", "10.00");
    for (int i = 1; i <= 7; i++) {
      // the first charge takes 100.00 below 50.00; each recharge of 10.00 lifts it to 55.00 and the
      // next 10.00 crosses the trigger from above again
      charge(s, i == 1 ? "55.00" : "10.00");
      long expected = Math.min(i, 5);
      await("recharge " + i, () -> settled(s), expected);
    }
    assertEquals(5, attempts(s), "the sixth crossing and the charge after it started nothing");
    assertEquals(5, notifications(s, "RECHARGE_SUCCEEDED"));
  }

  @Test
  void
      R_RECH_2_a_recharge_that_leaves_the_balance_below_the_trigger_starts_no_other_until_a_debit_crosses_it_again()
          throws Exception {
    Setup s = wallet("4242424242424242", "10.00");
    charge(s, "200.00");
    await("the recharge of the crossing", () -> settled(s), 1);
    assertEquals(0, new BigDecimal("-90.00").compareTo(wallets.get(s.caller()).balance().amount()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? "
                + "AND event = 'RECHARGE_SUCCEEDED' AND text_body LIKE '%still below%'",
            s.caller().organisationId()),
        "the admin is told the balance is still low");

    charge(s, "1.00");
    rechargeSteps.startIfNeeded(s.wallet().id());
    // an attempt is recorded in the transaction of the debit or the sweep, so none can come later
    assertEquals(1, attempts(s), "neither a debit below the trigger nor the sweep chains another");

    fundings.addFunds(
        s.caller(),
        new AddFunds("200.00", "USD", s.goodCard(), null, UUID.randomUUID().toString()));
    charge(s, "60.00");
    await("the recharge of the next crossing from above", () -> settled(s), 2);
    assertEquals(2, attempts(s));
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()));
  }

  @Test
  void R_RECH_3_an_unexpected_error_ends_the_attempt_as_failed_and_the_next_one_can_start()
      throws Exception {
    Instant t = Instant.now().plus(Duration.ofDays(1));
    MutableClock.INSTANCE.set(t);
    Setup s = wallet("4242424242424242", "100.00");
    String breakCard =
        "UPDATE sandbox_card SET behaviour = ? WHERE token = "
            + "(SELECT gateway_token FROM payment_method WHERE id = ?)";
    // the gateway meets a card it cannot read: not a refusal, an error nobody planned for
    execute(breakCard, "UNREADABLE", s.card());
    charge(s, "60.00");
    await("the attempt ended", () -> settled(s), 1);
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND status = 'FAILED'",
            s.wallet().id()),
        "failed, not left in flight");
    assertEquals(1, notifications(s, "RECHARGE_FAILED"));

    execute(breakCard, "APPROVE", s.card());
    MutableClock.INSTANCE.set(t.plus(Duration.ofMinutes(10)));
    rechargeSteps.startIfNeeded(s.wallet().id());
    await(
        "the next recharge",
        () ->
            count(
                "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? "
                    + "AND status = 'SUCCEEDED'",
                s.wallet().id()),
        1);
    assertEquals(0, new BigDecimal("140.00").compareTo(wallets.get(s.caller()).balance().amount()));
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()));
  }

  private void execute(String sql, String value, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.setLong(2, id);
      assertEquals(1, ps.executeUpdate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Inject PaymentGateway gateway;

  @Test
  void R_NOTIFY_1_funds_expiring_in_30_and_in_7_days_are_announced_once_each_and_expiry_too()
      throws Exception {
    Instant bought = Instant.parse("2025-06-01T12:00:00Z");
    MutableClock.INSTANCE.set(bought);
    Setup s = wallet("4242424242424242", "100.00");
    recharge.save(
        s.caller(), new RechargeService.Settings(false, "100.00", "50.00", s.card(), null));
    Instant expiry = wallets.lots(s.caller()).get(0).expiresAt();

    MutableClock.INSTANCE.set(expiry.minus(Duration.ofDays(29)));
    expiryNotices.sendExpiryWarnings();
    expiryNotices.sendExpiryWarnings();
    assertEquals(1, notifications(s, "FUNDS_EXPIRING_30_DAYS"), "30-day warning, once");
    assertEquals(0, notifications(s, "FUNDS_EXPIRING_7_DAYS"));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event ="
                + " 'FUNDS_EXPIRING_30_DAYS' AND text_body LIKE '%about 100.00 USD of it will"
                + " expire unused%'",
            s.caller().organisationId()),
        "R-SEE-2: nothing spent, so the warning says all of it will be lost");

    MutableClock.INSTANCE.set(expiry.minus(Duration.ofDays(6)));
    expiryNotices.sendExpiryWarnings();
    expiryNotices.sendExpiryWarnings();
    assertEquals(1, notifications(s, "FUNDS_EXPIRING_7_DAYS"), "7-day warning, once");
    assertEquals(1, notifications(s, "FUNDS_EXPIRING_30_DAYS"));

    MutableClock.INSTANCE.set(expiry);
    lotExpiry.expireLots(s.wallet().id());
    assertEquals(1, notifications(s, "FUNDS_EXPIRED"));
    assertEquals(
        1, notifications(s, "BALANCE_AT_OR_BELOW_ZERO"), "expiry took the balance to zero");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification WHERE organisation_id = ? AND event = 'FUNDS_EXPIRED' "
                + "AND text_body LIKE '%100.00 USD%' AND html_body LIKE '%/billing/credits%'",
            s.caller().organisationId()),
        "the email gives the amount and the link");
  }

  @Test
  void R_PAY_2_a_payment_the_gateway_approved_but_we_failed_to_record_is_never_taken_twice()
      throws Exception {
    Setup s = wallet("4242424242424242", "100.00");
    recharge.save(
        s.caller(), new RechargeService.Settings(false, "100.00", "50.00", s.card(), null));
    String key = UUID.randomUUID().toString();
    // the gateway takes the payment, then our transaction is lost before it records the lot
    FundingRequests.Prepared prepared =
        requests.prepare(
            s.caller(), new AddFunds("30.00", "USD", s.card(), null, key), LotSource.MANUAL);
    assertEquals(
        PaymentOutcome.APPROVED,
        gateway
            .charge(prepared.paymentKey(), prepared.token(), new BigDecimal("30.00"), "USD", "test")
            .outcome());

    // the client retries with the same key: no second payment, the funding waits for the gateway's
    // word
    var retry = fundings.addFunds(s.caller(), new AddFunds("30.00", "USD", s.card(), null, key));
    assertEquals(FundingStatus.PENDING, retry.status());
    fundings.resolvePending(Duration.ZERO);
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM sandbox_payment WHERE idempotency_key = 'funding-"
                + prepared.fundingId()
                + "' AND ? > 0",
            1),
        "the gateway holds one payment");
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM funding_lot WHERE funding_id = ?", prepared.fundingId()),
        "one lot");
    assertEquals(0, new BigDecimal("130.00").compareTo(wallets.get(s.caller()).balance().amount()));
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()));
  }
}
