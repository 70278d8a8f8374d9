package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.catalog.PoolKind;
import com.commcredits.directory.DirectoryService;
import com.commcredits.licensing.LicensingService;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationService;
import com.commcredits.payment.EaAgreements;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.pools.PoolService;
import com.commcredits.shared.Caller;
import com.commcredits.subscription.SubscriptionService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Minute pools in the container with a moved clock (R-POOL-1 … R-POOL-4). */
@ExtendWith(ArquillianExtension.class)
class PoolContainerIT {

  @Deployment
  static WebArchive application() {
    return Deployments.application().addClasses(MutableClock.class, TestClockProducer.class);
  }

  @Inject EaAgreements agreements;
  @Inject OrganisationService organisations;
  @Inject SubscriptionService subscriptions;
  @Inject DirectoryService directory;
  @Inject LicensingService licensing;
  @Inject PoolService pools;
  @Inject PaymentMethodService methods;

  @AfterEach
  void realTime() {
    MutableClock.INSTANCE.reset();
  }

  private Caller organisation(String zone) {
    Organisation org =
        organisations.provision(
            "Pools " + UUID.randomUUID(), "US", SupportedCurrency.USD, ZoneId.of(zone));
    Caller c = Caller.system(org.id());
    // the licences bought below are billed (R-SUB-1) on the organisation's EA
    methods.addEnterpriseAgreement(c, registeredEa(c, "1"), null);
    return c;
  }

  private String user(Caller c, String name, String country) {
    String upn = name + "-" + UUID.randomUUID().toString().substring(0, 6) + "@pools.test";
    directory.add(c, new DirectoryService.NewUser(name, upn, country));
    return upn;
  }

  @Test
  void R_POOL_1_a_licence_assigned_mid_month_grows_the_pool_at_once() {
    MutableClock.INSTANCE.set(Instant.parse("2026-11-03T10:00:00Z"));
    Caller c = organisation("UTC");
    subscriptions.buy(c, "BUSINESS_VOICE", 3);
    licensing.assign(c, user(c, "a", "US"), "BUSINESS_VOICE");
    YearMonth november = YearMonth.of(2026, 11);
    assertEquals(3000, pools.available(c.organisationId(), "US", PoolKind.DOMESTIC, november));
    MutableClock.INSTANCE.set(Instant.parse("2026-11-17T10:00:00Z"));
    licensing.assign(c, user(c, "b", "US"), "BUSINESS_VOICE");
    assertEquals(6000, pools.available(c.organisationId(), "US", PoolKind.DOMESTIC, november));
  }

  @Test
  void
      R_POOL_2_a_call_that_exhausts_the_pool_is_covered_in_part_and_minutes_never_move_between_countries() {
    MutableClock.INSTANCE.set(Instant.parse("2026-11-05T10:00:00Z"));
    Caller c = organisation("UTC");
    subscriptions.buy(c, "PHONE_SYSTEM", 2);
    subscriptions.buy(c, "DOMESTIC_CALLING_PLAN", 2);
    String gb = user(c, "gb", "GB");
    String ca = user(c, "ca", "CA");
    for (String u : List.of(gb, ca)) {
      licensing.assign(c, u, "PHONE_SYSTEM");
      licensing.assign(c, u, "DOMESTIC_CALLING_PLAN");
    }
    YearMonth month = YearMonth.of(2026, 11);
    assertEquals(1000, pools.take(c.organisationId(), "GB", PoolKind.DOMESTIC, month, 1000));
    assertEquals(
        200,
        pools.take(c.organisationId(), "GB", PoolKind.DOMESTIC, month, 500),
        "only 200 of the 1,200 GB minutes were left: the call is covered in part");
    assertEquals(0, pools.take(c.organisationId(), "GB", PoolKind.DOMESTIC, month, 10));
    assertEquals(
        3000,
        pools.available(c.organisationId(), "CA", PoolKind.DOMESTIC, month),
        "the CA pool is untouched by GB calls");
  }

  @Test
  void R_POOL_2_US_to_Canada_is_domestic_for_US_and_CA_users_only() {
    assertEquals(true, PoolService.isDomestic("US", "CA"));
    assertEquals(true, PoolService.isDomestic("CA", "US"));
    assertEquals(true, PoolService.isDomestic("GB", "GB"));
    assertEquals(false, PoolService.isDomestic("GB", "US"));
    assertEquals(false, PoolService.isDomestic("US", "GB"));
  }

  @Test
  void R_POOL_3_pools_reset_at_midnight_on_the_first_in_the_organisations_zone_west_of_UTC() {
    Caller c = organisation("America/Los_Angeles");
    MutableClock.INSTANCE.set(Instant.parse("2026-11-10T18:00:00Z"));
    subscriptions.buy(c, "BUSINESS_VOICE", 1);
    licensing.assign(c, user(c, "la", "US"), "BUSINESS_VOICE");

    Instant lastMinuteOfNovember =
        Instant.parse("2026-12-01T07:59:59Z"); // 23:59:59 PST, 30 November
    Instant firstOfDecember = Instant.parse("2026-12-01T08:00:00Z"); // 00:00 PST, 1 December
    assertEquals(YearMonth.of(2026, 11), pools.monthOf(c.organisationId(), lastMinuteOfNovember));
    assertEquals(YearMonth.of(2026, 12), pools.monthOf(c.organisationId(), firstOfDecember));

    MutableClock.INSTANCE.set(lastMinuteOfNovember);
    YearMonth november = pools.monthOf(c.organisationId(), lastMinuteOfNovember);
    assertEquals(3000, pools.take(c.organisationId(), "US", PoolKind.DOMESTIC, november, 3000));
    assertEquals(0, pools.available(c.organisationId(), "US", PoolKind.DOMESTIC, november));

    MutableClock.INSTANCE.set(firstOfDecember);
    YearMonth december = pools.monthOf(c.organisationId(), firstOfDecember);
    assertEquals(
        3000,
        pools.available(c.organisationId(), "US", PoolKind.DOMESTIC, december),
        "a new month starts full; November's unused minutes do not carry over");
  }

  @Test
  void R_POOL_1_concurrent_takes_never_overdraw_a_pool() throws Exception {
    MutableClock.INSTANCE.set(Instant.parse("2026-11-05T10:00:00Z"));
    Caller c = organisation("UTC");
    subscriptions.buy(c, "PHONE_SYSTEM", 1);
    subscriptions.buy(c, "DOMESTIC_CALLING_PLAN", 1);
    String gb = user(c, "gb", "GB");
    licensing.assign(c, gb, "PHONE_SYSTEM");
    licensing.assign(c, gb, "DOMESTIC_CALLING_PLAN");
    YearMonth month = YearMonth.of(2026, 11);
    ExecutorService executor = Executors.newFixedThreadPool(16);
    List<Future<Long>> taken = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      taken.add(
          executor.submit(
              () -> pools.take(c.organisationId(), "GB", PoolKind.DOMESTIC, month, 100)));
    }
    long total = 0;
    for (Future<Long> f : taken) {
      total += f.get(2, TimeUnit.MINUTES);
    }
    executor.shutdown();
    assertEquals(1200, total, "16 x 100 asked, 1,200 available: exactly 1,200 covered");
    assertEquals(0, pools.available(c.organisationId(), "GB", PoolKind.DOMESTIC, month));
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
