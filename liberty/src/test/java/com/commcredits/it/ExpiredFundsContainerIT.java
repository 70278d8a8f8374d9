package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.directory.DirectoryService;
import com.commcredits.licensing.LicensingService;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.rating.Authorization;
import com.commcredits.rating.CallAuthorizer;
import com.commcredits.rating.CallRequest;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Role;
import com.commcredits.subscription.SubscriptionService;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.Charge;
import com.commcredits.wallet.ChargeResult;
import com.commcredits.wallet.Charging;
import com.commcredits.wallet.CreditsOpening;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.LotExpiry;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R-FUND-10 at the exact instant of expiry, with a moved clock and no nightly job run: one
 * microsecond before it the lot counts everywhere; from it on, the balance, "can pay for calls",
 * authorisation and charging all leave it out, and the job run afterwards writes nothing twice.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiredFundsContainerIT {
  private static final Instant PURCHASED = Instant.parse("2025-06-15T10:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2026-06-15T10:00:00Z");

  @Deployment
  static WebArchive application() {
    return Deployments.application().addClasses(MutableClock.class, TestClockProducer.class);
  }

  @Inject EaAgreements agreements;
  @Inject OrganisationService organisations;
  @Inject SubscriptionService subscriptions;
  @Inject DirectoryService directory;
  @Inject LicensingService licensing;
  @Inject PaymentMethodService methods;
  @Inject CreditsOpening opening;
  @Inject FundingService fundings;
  @Inject WalletQueries wallets;
  @Inject Charging charging;
  @Inject LotExpiry expiry;
  @Inject CallAuthorizer authorizer;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  @AfterEach
  void realTime() {
    MutableClock.INSTANCE.reset();
  }

  private record Setup(Caller caller, Caller platform, Wallet wallet, String upn, long lot) {}

  /** A wallet whose only lot, 10.00 bought at PURCHASED, expires at EXPIRES; a credits user. */
  private Setup walletWithOneLot() {
    MutableClock.INSTANCE.set(PURCHASED);
    Organisation org =
        organisations.provision(
            "Expiry " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of("UTC"));
    Caller c = Caller.system(org.id());
    // the licence is billed on the EA (R-SUB-1), so the EA comes first
    long ea = methods.addEnterpriseAgreement(c, registeredEa(c, "3"), null).id();
    subscriptions.buy(c, "BUSINESS_VOICE", 1);
    Wallet wallet = opening.openCredits(c);
    String upn = "caller-" + UUID.randomUUID().toString().substring(0, 8) + "@expiry.test";
    directory.add(c, new DirectoryService.NewUser("Caller", upn, "US"));
    licensing.assign(c, upn, "BUSINESS_VOICE");
    licensing.assign(c, upn, "COMMUNICATIONS_CREDITS");
    var funded =
        fundings.addFunds(c, new AddFunds("10.00", "USD", ea, null, UUID.randomUUID().toString()));
    assertEquals(EXPIRES, funded.lot().expiresAt());
    Caller platform =
        new Caller(org.id(), Caller.ActorType.API_KEY, 1, "platform", Set.of(Role.PLATFORM));
    return new Setup(c, platform, wallet, upn, funded.lot().id());
  }

  /** An international call, which no pool of a Business Voice user covers: the wallet pays. */
  private Authorization authorizeInternational(Setup s) {
    Instant now = MutableClock.INSTANCE.instant();
    return authorizer.authorize(
        s.platform(),
        new CallRequest(
            "c-" + UUID.randomUUID(), "OUTBOUND", s.upn(), null, "+14255550100", "+442079460000"),
        now);
  }

  private ChargeResult charge(Setup s, String amount) {
    return charging.charge(
        s.caller(),
        new Charge(
            Money.of(amount, SupportedCurrency.USD),
            "call-" + UUID.randomUUID(),
            "test",
            "Test call",
            MutableClock.INSTANCE.instant()));
  }

  private BigDecimal balance(Setup s) {
    return wallets.balance(wallets.get(s.caller())).amount();
  }

  @Test
  void
      R_FUND_10_one_microsecond_before_its_expiry_the_lot_counts_for_balance_authorisation_and_charges() {
    Setup s = walletWithOneLot();
    MutableClock.INSTANCE.set(EXPIRES.minus(1, ChronoUnit.MICROS));

    assertEquals(0, new BigDecimal("10.00").compareTo(balance(s)));
    Authorization allowed = authorizeInternational(s);
    assertTrue(allowed.allowed(), allowed.toString());
    assertEquals(Authorization.PayerType.WALLET, allowed.payerType());

    ChargeResult paid = charge(s, "1.00");
    assertEquals(1, paid.fundedBy().size());
    assertEquals(s.lot(), paid.fundedBy().get(0).lotId(), "the lot still pays");
    assertEquals(0, new BigDecimal("9.00").compareTo(balance(s)));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND " + "entry_type = 'EXPIRY'",
            s.wallet().id()));
    assertInvariant(s);
  }

  @Test
  void R_FUND_10_at_its_expiry_instant_the_lot_no_longer_counts_even_before_the_expiry_job_runs() {
    Setup s = walletWithOneLot();
    MutableClock.INSTANCE.set(EXPIRES);

    // reads without a lock: the job has not run, yet the lot is gone from the balance
    assertEquals(0, BigDecimal.ZERO.compareTo(balance(s)), "GET /wallet and the Credits page");
    assertFalse(wallets.balance(wallets.get(s.caller())).isPositive(), "cannot pay for calls");
    assertEquals(
        0,
        new BigDecimal("10.00")
            .compareTo(sum("SELECT balance FROM wallet WHERE id = ?", s.wallet().id())),
        "nothing written yet: the lot is left out, not expired, by the reads");
    Authorization refused = authorizeInternational(s);
    assertFalse(refused.allowed(), "a wallet-paid call is refused at zero");
    assertTrue(refused.reason().contains("zero or below"), refused.reason());

    // a charge at the instant of expiry first writes the expiry, then draws nothing from the lot
    ChargeResult charged = charge(s, "1.00");
    assertEquals(1, charged.fundedBy().size());
    assertNull(charged.fundedBy().get(0).lotId(), "uncovered: the expired lot pays nothing");
    assertEquals(0, new BigDecimal("-1.00").compareTo(balance(s)), "the balance goes negative");
    assertEquals(0, new BigDecimal("-1.00").compareTo(charged.entry().balanceAfter()));
    assertEquals(
        List.of("-10.0000"),
        strings(
            "SELECT amount FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'EXPIRY'",
            s.wallet().id()),
        "the lot's remainder left through one expiry entry, dated at its expiry");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'EXPIRY' "
                + "AND occurred_at = '2026-06-15 10:00:00'",
            s.wallet().id()),
        "dated at the lot's expiry instant");

    // the nightly job, afterwards, finds nothing left to write
    assertEquals(0, expiry.expireLots(s.wallet().id()));
    assertFalse(wallets.walletsWithLotsDue().contains(s.wallet().id()));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'EXPIRY'",
            s.wallet().id()),
        "one expiry entry per lot");
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM notification n JOIN wallet w ON w.organisation_id = "
                + "n.organisation_id WHERE w.id = ? AND n.event = 'FUNDS_EXPIRED'",
            s.wallet().id()),
        "one expiry email");
    assertInvariant(s);
  }

  @Test
  void R_FUND_10_a_funding_after_the_expiry_instant_writes_the_expiry_first_and_covers_no_ghost() {
    Setup s = walletWithOneLot();
    MutableClock.INSTANCE.set(EXPIRES.plus(1, ChronoUnit.HOURS));
    long ea = methods.addEnterpriseAgreement(s.caller(), registeredEa(s.caller(), "4"), null).id();
    fundings.addFunds(
        s.caller(), new AddFunds("20.00", "USD", ea, null, UUID.randomUUID().toString()));
    assertEquals(0, new BigDecimal("20.00").compareTo(balance(s)));
    assertEquals(
        1,
        count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'EXPIRY'",
            s.wallet().id()));
    assertEquals(0, expiry.expireLots(s.wallet().id()));
    assertInvariant(s);
  }

  private void assertInvariant(Setup s) {
    assertEquals(List.of(), wallets.checkInvariant(s.wallet().id()), "R-FUND-6 invariant");
  }

  private long count(String sql, long id) {
    return sum(sql, id).longValue();
  }

  private BigDecimal sum(String sql, long id) {
    List<String> values = strings(sql, id);
    return values.isEmpty() || values.get(0) == null
        ? BigDecimal.ZERO
        : new BigDecimal(values.get(0));
  }

  private List<String> strings(String sql, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
          values.add(rs.getString(1));
        }
        return values;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
