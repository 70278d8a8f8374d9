package com.commcredits.web.demo;

import com.commcredits.access.AdminService;
import com.commcredits.access.ApiKeyService;
import com.commcredits.config.AppSettings;
import com.commcredits.directory.DirectoryService;
import com.commcredits.licensing.LicensingService;
import com.commcredits.money.Money;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.rating.RateRepository;
import com.commcredits.rating.RatingService;
import com.commcredits.recharge.RechargeService;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Role;
import com.commcredits.subscription.SubscriptionService;
import com.commcredits.time.AppClock;
import com.commcredits.wallet.CreditsOpening;
import com.commcredits.wallet.LedgerRepository;
import com.commcredits.wallet.LotSource;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Loads the operator, Contoso and Fabrikam with their admins, fixed demo API keys, subscriptions
 * and users, through the same services an admin uses, once (it does nothing when Contoso exists).
 * Contoso's EA 54321987 is registered by the operator (10,000.00 USD a month) before Contoso adds
 * it as a payment method.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoData {
  public static final String PASSWORD = "Demo-2026!";
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject OrganisationService organisations;
  @Inject AdminService admins;
  @Inject ApiKeyService apiKeys;
  @Inject SubscriptionService subscriptions;
  @Inject DirectoryService directory;
  @Inject PaymentMethodService paymentMethods;
  @Inject EaAgreements eaAgreements;
  @Inject CreditsOpening fundingSteps;
  @Inject WalletRepository walletRepository;
  @Inject LedgerRepository ledger;
  @Inject Clock clock;
  @Inject AppSettings settings;
  @Inject RateRepository rates;
  @Inject RechargeService recharge;
  @Inject LicensingService licensing;
  @Inject RatingService rating;

  @PostConstruct
  void load() {
    if (!settings.demoData()) {
      return;
    }
    if (organisations.findByName("Contoso").isPresent()) {
      LOG.info("Demo data already present");
      return;
    }
    // the operator, whose Global admins publish the rate cards (Settings > Rates) and alone
    // create money: adjustments, refunds and EA registrations (Settings > Operator)
    Organisation operator =
        organisations.provision(
            "Communications Credits Operations",
            "US",
            SupportedCurrency.USD,
            ZoneId.of("America/New_York"));
    Caller ops = Caller.system(operator.id());
    admin(ops, "ops@commcredits.example", "Rate desk", Role.GLOBAL_ADMIN);
    apiKeys.register(ops, "Operator key", Set.of(Role.GLOBAL_ADMIN), "demo-operator");
    organisations.designateRatePublisher(ops);

    Organisation contoso =
        organisations.provision(
            "Contoso", "US", SupportedCurrency.USD, ZoneId.of("America/Los_Angeles"));
    Caller c = Caller.system(contoso.id());
    eaAgreements.register(
        ops.asOperator(),
        contoso.id(),
        new EaAgreements.Registration("54321987", "Contoso Ltd", "10000.00", "USD"));
    admin(c, "admin@contoso.example", "Megan Bowen", Role.GLOBAL_ADMIN);
    admin(c, "billing@contoso.example", "Alex Wilber", Role.BILLING_ADMIN);
    admin(c, "users@contoso.example", "Lynne Robbins", Role.USER_ADMIN);
    admin(c, "reports@contoso.example", "Diego Siciliani", Role.REPORTS_READER);
    apiKeys.register(c, "Demo admin key", Set.of(Role.GLOBAL_ADMIN), "demo-contoso-admin");
    apiKeys.register(c, "Telephony platform", Set.of(Role.PLATFORM), "demo-contoso-platform");
    int cardYear = clock.instant().atZone(contoso.timeZone()).getYear() + 3;
    // the sandbox card that always declines, for trying a failed recharge (added first, so listed
    // last); the licences below are charged on the Visa ending 4242, the default (newest) card
    paymentMethods.addCard(
        c, new PaymentMethodService.NewCard("4000 0000 0000 0002", 6, cardYear, "321"));
    paymentMethods.addEnterpriseAgreement(c, "54321987", "Contoso Enterprise Agreement");
    paymentMethods.addCard(
        c, new PaymentMethodService.NewCard("4242 4242 4242 4242", 12, cardYear, "123"));
    subscriptions.buy(c, "BUSINESS_VOICE", 14);
    subscriptions.buy(c, "PHONE_SYSTEM", 5);
    subscriptions.buy(c, "AUDIO_CONFERENCING", 5);
    subscriptions.buy(c, "INTERNATIONAL_CALLING_PLAN", 2);
    subscriptions.buy(c, "TOLL_FREE_NUMBERS", 2);
    String[][] contosoUsers = {
      {"Adele Vance", "adele.vance@contoso.example", "US"},
      {"Grady Archie", "grady.archie@contoso.example", "US"},
      {"Isaiah Langer", "isaiah.langer@contoso.example", "US"},
      {"Johanna Lorenz", "johanna.lorenz@contoso.example", "US"},
      {"Lee Gu", "lee.gu@contoso.example", "CA"},
      {"Lidia Holloway", "lidia.holloway@contoso.example", "CA"},
      {"Miriam Graham", "miriam.graham@contoso.example", "CA"},
      {"Nestor Wilke", "nestor.wilke@contoso.example", "GB"},
      {"Patti Fernandez", "patti.fernandez@contoso.example", "GB"},
      {"Pradeep Gupta", "pradeep.gupta@contoso.example", "US"},
      {"Joni Sherman", "joni.sherman@contoso.example", "US"},
      {"Henrietta Mueller", "henrietta.mueller@contoso.example", "GB"}
    };
    for (String[] u : contosoUsers) {
      directory.add(c, new DirectoryService.NewUser(u[0], u[1], u[2]));
    }

    for (String[] u : contosoUsers) {
      licensing.assign(c, u[1], "BUSINESS_VOICE");
    }
    fundingSteps.openCredits(c); // brings the Communications Credits licences
    for (int i = 0; i < 8; i++) {
      licensing.assign(c, contosoUsers[i][1], "COMMUNICATIONS_CREDITS");
    }
    licensing.assign(c, "adele.vance@contoso.example", "INTERNATIONAL_CALLING_PLAN");
    rates.addTollFree(contoso.id(), DemoCalls.TOLL_FREE, clock.instant());
    // the licences have been held for a year, so the pools of past months count them
    licensing.backdateAssignments(c, clock.instant().minus(Duration.ofDays(365)));
    List<DemoCalls.DemoUser> callers = new ArrayList<>();
    for (int i = 0; i < contosoUsers.length; i++) {
      callers.add(new DemoCalls.DemoUser(contosoUsers[i][1], contosoUsers[i][2], i < 8));
    }
    walletHistory(c, contoso, callers);
    long visa =
        paymentMethods.list(c).stream()
            .filter(m -> m.isCard() && "4242".equals(m.cardLast4()))
            .findFirst()
            .orElseThrow()
            .id();
    recharge.save(c, new RechargeService.Settings(true, "100.00", "50.00", visa, null));

    Organisation fabrikam =
        organisations.provision(
            "Fabrikam", "GB", SupportedCurrency.GBP, ZoneId.of("Europe/London"));
    Caller f = Caller.system(fabrikam.id());
    admin(f, "admin@fabrikam.example", "Oliver Hughes", Role.GLOBAL_ADMIN);
    apiKeys.register(f, "Demo admin key", Set.of(Role.GLOBAL_ADMIN), "demo-fabrikam-admin");
    // Fabrikam buys its licences on an Enterprise Agreement the operator registered: they are on
    // its EA statement
    eaAgreements.register(
        ops.asOperator(),
        fabrikam.id(),
        new EaAgreements.Registration("27182818", "Fabrikam Ltd", "5000.00", "GBP"));
    paymentMethods.addEnterpriseAgreement(f, "27182818", "Fabrikam Enterprise Agreement");
    subscriptions.buy(f, "BUSINESS_VOICE", 5);
    subscriptions.buy(f, "AUDIO_CONFERENCING", 3);
    String[][] fabrikamUsers = {
      {"Amelia Clarke", "amelia.clarke@fabrikam.example", "GB"},
      {"Harry Evans", "harry.evans@fabrikam.example", "GB"},
      {"Isla Patel", "isla.patel@fabrikam.example", "GB"}
    };
    for (String[] u : fabrikamUsers) {
      directory.add(f, new DirectoryService.NewUser(u[0], u[1], u[2]));
      licensing.assign(f, u[1], "BUSINESS_VOICE");
    }
    LOG.info("Demo data loaded: Contoso, Fabrikam and the operator");
  }

  /**
   * Contoso's Communications Credits: a sandbox Visa ending 4242, an EA with a PO, three lots of
   * different ages (one expiring within 30 days), and about three months of calls rated through
   * {@link RatingService} day by day, with the fundings recorded in between at their dates, so the
   * report, the charts, the pools and the ledger have a history.
   */
  private void walletHistory(Caller c, Organisation contoso, List<DemoCalls.DemoUser> callers) {
    Wallet wallet = fundingSteps.openCredits(c);
    Instant now = clock.instant();
    record Funded(Instant at, String kind, BigDecimal amount, String reference) {}
    List<Funded> fundings =
        new ArrayList<>(
            List.of(
                new Funded(
                    now.minus(Duration.ofDays(345)),
                    "MANUAL",
                    new BigDecimal("400.00"),
                    "Visa ending 4242"),
                new Funded(
                    now.minus(Duration.ofDays(122)),
                    "PURCHASE_ORDER",
                    new BigDecimal("500.00"),
                    "EA 54321987 PO PO-2026-0117"),
                new Funded(
                    now.minus(Duration.ofDays(18)),
                    "MANUAL",
                    new BigDecimal("100.00"),
                    "Visa ending 4242")));
    Caller platform = DemoCalls.platform(contoso.id());
    LocalDate today = now.atZone(contoso.timeZone()).toLocalDate();
    int n = 0;
    for (LocalDate day = today.minusDays(92); !day.isAfter(today); day = day.plusDays(1)) {
      // the day's fundings first: recorded at their time, before its calls are rated an hour after
      // midnight
      Instant dayEnd = day.plusDays(1).atStartOfDay(contoso.timeZone()).toInstant();
      while (!fundings.isEmpty() && fundings.get(0).at().isBefore(dayEnd)) {
        Funded e = fundings.remove(0);
        Wallet locked = walletRepository.lock(wallet.id()).orElseThrow();
        ledger.record(
            locked.fund(
                Money.of(e.amount(), locked.currency()),
                LotSource.valueOf(e.kind()),
                null,
                e.reference(),
                contoso.timeZone(),
                new Wallet.Stamp(
                    e.at(),
                    e.at(),
                    "demo:" + (++n),
                    e.reference(),
                    "Funds added (" + e.reference() + ")",
                    "Demo data")));
      }
      // rated an hour after the day ended, as the platform would have posted them, so the ledger's
      // times are real
      Instant ratedAt = dayEnd.plus(Duration.ofHours(1));
      var calls = DemoCalls.day(day, contoso, callers, now);
      AppClock.asOf(ratedAt.isBefore(now) ? ratedAt : now, () -> rating.rate(platform, calls));
    }
  }

  private void admin(Caller caller, String email, String name, Role role) {
    admins.create(caller, new AdminService.NewAdmin(email, name, Set.of(role), PASSWORD));
  }
}
