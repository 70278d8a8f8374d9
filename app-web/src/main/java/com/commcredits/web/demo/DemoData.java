package com.commcredits.web.demo;

import com.commcredits.access.AdminService;
import com.commcredits.access.ApiKeyService;
import com.commcredits.access.Caller;
import com.commcredits.access.Role;
import com.commcredits.directory.DirectoryService;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.organisation.SupportedCurrency;
import com.commcredits.subscription.SubscriptionService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import com.commcredits.money.Money;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.wallet.FundingSteps;
import com.commcredits.wallet.LotSource;
import com.commcredits.wallet.Movement;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Loads Contoso and Fabrikam with their admins, fixed demo API keys, subscriptions and users, through the
 * same services an admin uses, once (it does nothing when Contoso exists).
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
  @Inject FundingSteps fundingSteps;
  @Inject WalletRepository walletRepository;
  @Inject Clock clock;
  @Inject com.commcredits.rating.RateRepository rates;
  @Inject com.commcredits.recharge.RechargeService recharge;
  @Inject com.commcredits.licensing.LicensingService licensing;
  @Inject com.commcredits.pools.PoolService pools;

  @PostConstruct
  void load() {
    if (!"true".equalsIgnoreCase(System.getenv("COMMCREDITS_DEMO_DATA"))) {
      return;
    }
    if (organisations.findByName("Contoso").isPresent()) {
      LOG.info("Demo data already present");
      return;
    }
    Organisation contoso = organisations.provision("Contoso", "US", SupportedCurrency.USD,
        ZoneId.of("America/Los_Angeles"));
    Caller c = Caller.system(contoso.id());
    admin(c, "admin@contoso.example", "Megan Bowen", Role.GLOBAL_ADMIN);
    admin(c, "billing@contoso.example", "Alex Wilber", Role.BILLING_ADMIN);
    admin(c, "users@contoso.example", "Lynne Robbins", Role.USER_ADMIN);
    admin(c, "reports@contoso.example", "Diego Siciliani", Role.REPORTS_READER);
    apiKeys.register(c, "Demo admin key", Set.of(Role.GLOBAL_ADMIN), "demo-contoso-admin");
    apiKeys.register(c, "Telephony platform", Set.of(Role.PLATFORM), "demo-contoso-platform");
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
        {"Henrietta Mueller", "henrietta.mueller@contoso.example", "GB"}};
    for (String[] u : contosoUsers) {
      directory.add(c, new DirectoryService.NewUser(u[0], u[1], u[2]));
    }

    walletHistory(c, contoso);
    long visa = paymentMethods.list(c).stream().filter(m -> m.isCard() && "4242".equals(m.cardLast4())).findFirst()
        .orElseThrow().id();
    recharge.save(c, new com.commcredits.recharge.RechargeService.Settings(true, "100.00", "50.00", visa, null));
    for (String[] u : contosoUsers) {
      licensing.assign(c, u[1], "BUSINESS_VOICE");
    }
    for (int i = 0; i < 8; i++) {
      licensing.assign(c, contosoUsers[i][1], "COMMUNICATIONS_CREDITS");
    }
    licensing.assign(c, "adele.vance@contoso.example", "INTERNATIONAL_CALLING_PLAN");
    rates.addTollFree(contoso.id(), "+18005550199", clock.instant());
    java.time.YearMonth month = pools.currentMonth(c);
    pools.take(contoso.id(), "US", com.commcredits.catalog.PoolKind.DOMESTIC, month, 4_200);
    pools.take(contoso.id(), "CA", com.commcredits.catalog.PoolKind.DOMESTIC, month, 1_300);
    pools.take(contoso.id(), "GB", com.commcredits.catalog.PoolKind.DOMESTIC, month, 700);
    pools.take(contoso.id(), "US", com.commcredits.catalog.PoolKind.INTERNATIONAL, month, 120);
    pools.take(contoso.id(), "US", com.commcredits.catalog.PoolKind.CONFERENCING_DIAL_OUT, month, 45);

    Organisation fabrikam = organisations.provision("Fabrikam", "GB", SupportedCurrency.GBP,
        ZoneId.of("Europe/London"));
    Caller f = Caller.system(fabrikam.id());
    admin(f, "admin@fabrikam.example", "Oliver Hughes", Role.GLOBAL_ADMIN);
    apiKeys.register(f, "Demo admin key", Set.of(Role.GLOBAL_ADMIN), "demo-fabrikam-admin");
    subscriptions.buy(f, "BUSINESS_VOICE", 5);
    subscriptions.buy(f, "AUDIO_CONFERENCING", 3);
    String[][] fabrikamUsers = {
        {"Amelia Clarke", "amelia.clarke@fabrikam.example", "GB"},
        {"Harry Evans", "harry.evans@fabrikam.example", "GB"},
        {"Isla Patel", "isla.patel@fabrikam.example", "GB"}};
    for (String[] u : fabrikamUsers) {
      directory.add(f, new DirectoryService.NewUser(u[0], u[1], u[2]));
      licensing.assign(f, u[1], "BUSINESS_VOICE");
    }
    LOG.info("Demo data loaded: Contoso and Fabrikam");
  }

  /**
   * Contoso's Communications Credits: a sandbox Visa ending 4242, an EA with a PO, three lots of
   * different ages (one expiring within 30 days) and about 100 days of charges, written through the
   * wallet aggregate with back-dated stamps so the chart and the ledger have a history.
   */
  private void walletHistory(Caller c, Organisation contoso) {
    int cardYear = clock.instant().atZone(contoso.timeZone()).getYear() + 3;
    paymentMethods.addCard(c, new PaymentMethodService.NewCard("4242 4242 4242 4242", 12, cardYear, "123"));
    paymentMethods.addEnterpriseAgreement(c, "54321987", "Contoso Enterprise Agreement");
    // the sandbox card that always declines, for trying a failed recharge
    paymentMethods.addCard(c, new PaymentMethodService.NewCard("4000 0000 0000 0002", 6, cardYear, "321"));
    Wallet wallet = fundingSteps.openCredits(c);
    Instant now = clock.instant();
    record Event(Instant at, String kind, BigDecimal amount, String reference) {}
    List<Event> events = new ArrayList<>();
    events.add(new Event(now.minus(Duration.ofDays(345)), "MANUAL", new BigDecimal("400.00"), "Visa ending 4242"));
    events.add(new Event(now.minus(Duration.ofDays(122)), "PURCHASE_ORDER", new BigDecimal("500.00"),
        "EA 54321987 PO PO-2026-0117"));
    events.add(new Event(now.minus(Duration.ofDays(18)), "MANUAL", new BigDecimal("100.00"), "Visa ending 4242"));
    Random random = new Random(42);
    String[] calls = {"International call to +44 20", "International call to +49 30", "Toll-free inbound from +1 800",
        "Conference dial-out to +33 1", "Minutes beyond the US domestic pool", "International call to +91 22"};
    for (int day = 100; day >= 1; day--) {
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        BigDecimal amount = BigDecimal.valueOf(20 + random.nextInt(160), 2);
        Instant at = now.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(60L * (8 + i * 3) + random.nextInt(50)));
        events.add(new Event(at, "CHARGE", amount, calls[random.nextInt(calls.length)]));
      }
    }
    events.sort(java.util.Comparator.comparing(Event::at));
    int n = 0;
    for (Event e : events) {
      n++;
      Money amount = Money.of(e.amount(), wallet.currency());
      Wallet.Stamp stamp = new Wallet.Stamp(e.at(), e.at(), "demo:" + n, e.reference(),
          "CHARGE".equals(e.kind()) ? e.reference() : "Funds added (" + e.reference() + ")", "Demo data");
      Movement movement = "CHARGE".equals(e.kind())
          ? wallet.charge(amount, walletRepository.openLots(wallet.id()), stamp)
          : wallet.fund(amount, LotSource.valueOf(e.kind()), null, e.reference(), contoso.timeZone(), stamp);
      walletRepository.record(movement);
    }
  }

  private void admin(Caller caller, String email, String name, Role role) {
    admins.create(caller, new AdminService.NewAdmin(email, name, Set.of(role), PASSWORD));
  }
}
