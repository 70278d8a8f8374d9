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
import java.time.ZoneId;
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
    subscriptions.buy(c, "BUSINESS_VOICE", 10);
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
    }
    LOG.info("Demo data loaded: Contoso and Fabrikam");
  }

  private void admin(Caller caller, String email, String name, Role role) {
    admins.create(caller, new AdminService.NewAdmin(email, name, Set.of(role), PASSWORD));
  }
}
