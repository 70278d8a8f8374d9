package com.commcredits.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.catalog.PoolKind;
import com.commcredits.directory.DirectoryUser;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.pools.PoolBudget;
import com.commcredits.pools.PoolKey;
import com.commcredits.pools.PoolRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who pays for a call and how much, decided in memory (R-RATE-3, R-RATE-5, R-LIC-3, R-POOL-2):
 * pools first, then the wallet with a Communications Credits licence; toll-free inbound always the
 * wallet.
 */
class CallRaterTest {
  private static final long ORG = 700L;
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final String TOLL_FREE = "+18005550199";
  private static final Map<String, Set<String>> INCLUSIONS =
      Map.of("BUSINESS_VOICE", Set.of("PHONE_SYSTEM", "DOMESTIC_CALLING_PLAN"));

  private final Map<PoolKey, Long> capacity = new HashMap<>();
  private final Map<PoolKey, Long> used = new HashMap<>();
  private final Map<String, DirectoryUser> users = new HashMap<>();
  private final Map<Long, Set<String>> skus = new HashMap<>();
  private boolean hasWallet = true;
  private PoolBudget budget;

  private static Rate rate(CallKind kind, String prefix, String perMinute) {
    return new Rate(
        kind,
        prefix,
        prefix,
        new BigDecimal(perMinute),
        BigDecimal.ZERO,
        60,
        60,
        LocalDate.of(2026, 1, 1),
        null);
  }

  private static <T> T withId(T entity, long id) {
    try {
      var field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private String user(long id, String country, String... held) {
    String upn = "user" + id + "@contoso.example";
    users.put(upn, withId(new DirectoryUser(ORG, "User " + id, upn, country, NOW), id));
    skus.put(id, Set.of(held));
    return upn;
  }

  private CallRater rater() {
    PoolRepository pools =
        new PoolRepository() {
          @Override
          public Map<PoolKey, Long> capacities(long organisationId, Instant at) {
            return capacity;
          }

          @Override
          public Map<PoolKey, Long> used(long organisationId, YearMonth month) {
            return used;
          }

          @Override
          public long lockUsed(long organisationId, PoolKey pool, YearMonth month) {
            return used.getOrDefault(pool, 0L);
          }

          @Override
          public void addUsed(long organisationId, PoolKey pool, YearMonth month, long minutes) {
            used.merge(pool, minutes, Long::sum);
          }
        };
    budget = new PoolBudget(ORG, pools, month -> NOW);
    RateRepository rates =
        new RateRepository() {
          @Override
          public RatePlan plan(String currency) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<Long> tollFreeOwner(String number) {
            // a Long that is not interned, as a database id above 127 is
            return TOLL_FREE.equals(number) ? Optional.of(Long.valueOf(ORG)) : Optional.empty();
          }

          @Override
          public void addTollFree(long organisationId, String number, Instant at) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<RateCard> card(String currency) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void lockCard(long cardId) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void replace(long cardId, List<RateLine> lines, Instant publishedAt) {
            throw new UnsupportedOperationException();
          }
        };
    Organisation org =
        withId(
            new Organisation(
                "Contoso", "US", SupportedCurrency.USD, ZoneId.of("America/Los_Angeles"), NOW),
            ORG);
    RatePlan plan =
        new RatePlan(
            List.of(
                rate(CallKind.OUTBOUND, "+1", "0.0200"),
                rate(CallKind.OUTBOUND, "+44", "0.0300"),
                rate(CallKind.TOLL_FREE_INBOUND, "+1", "0.0300")));
    return new CallRater(org, plan, INCLUSIONS, users, skus, budget, hasWallet, rates, NOW);
  }

  private static FinishedCall outbound(String upn, String to, long seconds) {
    return new FinishedCall(
        "c-" + to + "-" + seconds,
        "OUTBOUND",
        upn,
        null,
        "+14255550100",
        to,
        START.toString(),
        START.plusSeconds(seconds).toString(),
        seconds,
        NOW);
  }

  private static CallRater.Priced priced(CallRater.Decision decision) {
    return assertInstanceOf(CallRater.Priced.class, decision, decision.toString());
  }

  private static String refused(CallRater.Decision decision) {
    return assertInstanceOf(CallRater.Refused.class, decision, decision.toString()).reason();
  }

  @Test
  void R_RATE_3_R_POOL_2_a_domestic_call_inside_the_pool_costs_nothing_and_US_to_CA_is_domestic() {
    capacity.put(new PoolKey("US", PoolKind.DOMESTIC), 3000L);
    String upn = user(1, "US", "BUSINESS_VOICE");
    CallRater rater = rater();
    CallRater.Priced call = priced(rater.rate(outbound(upn, "+14165550100", 125)));
    assertEquals(3, call.record().poolMinutes(), "125 s use 3 pool minutes");
    assertEquals("DOMESTIC", call.record().poolKind());
    assertEquals("0.00", call.price().toPlainString());
    assertEquals(2997, budget.available("US", PoolKind.DOMESTIC, NOVEMBER));
  }

  @Test
  void R_RATE_3_the_call_that_exhausts_the_pool_is_split_between_pool_and_wallet() {
    capacity.put(new PoolKey("US", PoolKind.DOMESTIC), 3000L);
    used.put(new PoolKey("US", PoolKind.DOMESTIC), 2999L);
    String upn = user(2, "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    CallRater.Priced call = priced(rater().rate(outbound(upn, "+12125550100", 180)));
    assertEquals(1, call.record().poolMinutes(), "the last pool minute");
    assertEquals(120, call.record().walletSeconds());
    assertEquals("0.04", call.price().toPlainString(), "2 minutes at 0.02 from the wallet");
    assertEquals(0, budget.available("US", PoolKind.DOMESTIC, NOVEMBER));
  }

  @Test
  void R_LIC_3_R_RATE_5_beyond_the_pool_without_a_credits_licence_is_refused_and_takes_no_minute() {
    capacity.put(new PoolKey("US", PoolKind.DOMESTIC), 3000L);
    used.put(new PoolKey("US", PoolKind.DOMESTIC), 2999L);
    String upn = user(3, "US", "BUSINESS_VOICE");
    CallRater rater = rater();
    assertTrue(
        refused(rater.rate(outbound(upn, "+12125550100", 180)))
            .contains("has no Communications Credits licence"));
    assertEquals(
        1, budget.available("US", PoolKind.DOMESTIC, NOVEMBER), "the minute is still there");
    assertTrue(
        refused(rater.rate(outbound(upn, "+442079460000", 60))).contains("international minutes"),
        "no international plan, no credits");
  }

  @Test
  void R_LIC_3_the_wallet_pays_an_international_call_only_with_a_credits_licence() {
    String upn = user(4, "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    CallRater.Priced call = priced(rater().rate(outbound(upn, "+442079460000", 61)));
    assertEquals(0, call.record().poolMinutes());
    assertNull(call.record().poolKind(), "no international plan");
    assertEquals("0.06", call.price().toPlainString(), "2 minutes at 0.03");
    assertEquals("+44", call.record().ratePrefix());
  }

  @Test
  void R_RATE_3_an_international_plan_pays_from_the_international_pool_of_the_callers_country() {
    capacity.put(new PoolKey("US", PoolKind.INTERNATIONAL), 400L);
    capacity.put(new PoolKey("GB", PoolKind.INTERNATIONAL), 400L);
    String upn = user(5, "US", "PHONE_SYSTEM", "INTERNATIONAL_CALLING_PLAN");
    CallRater.Priced call = priced(rater().rate(outbound(upn, "+442079460000", 60)));
    assertEquals(1, call.record().poolMinutes());
    assertEquals(399, budget.available("US", PoolKind.INTERNATIONAL, NOVEMBER));
    assertEquals(400, budget.available("GB", PoolKind.INTERNATIONAL, NOVEMBER));
  }

  @Test
  void R_LIC_3_R_RATE_3_toll_free_inbound_is_always_paid_by_the_wallet_whatever_the_licences() {
    capacity.put(new PoolKey("US", PoolKind.DOMESTIC), 3000L);
    CallRater rater = rater();
    FinishedCall tollFree =
        new FinishedCall(
            "tf1",
            "TOLL_FREE_INBOUND",
            null,
            TOLL_FREE,
            "+13125550100",
            TOLL_FREE,
            START.toString(),
            START.plusSeconds(90).toString(),
            90L,
            NOW);
    CallRater.Priced call = priced(rater.rate(tollFree));
    assertEquals(0, call.record().poolMinutes());
    assertEquals("0.06", call.price().toPlainString(), "2 minutes at 0.03 by the caller's number");
    assertEquals(3000, budget.available("US", PoolKind.DOMESTIC, NOVEMBER));
    FinishedCall notOurs =
        new FinishedCall(
            "tf2",
            "TOLL_FREE_INBOUND",
            null,
            "+18005550000",
            "+13125550100",
            "+18005550000",
            START.toString(),
            START.plusSeconds(90).toString(),
            90L,
            NOW);
    assertTrue(refused(rater.rate(notOurs)).startsWith("tollFreeNumber:"));
  }

  @Test
  void R_RATE_5_no_wallet_means_calls_that_need_credits_are_refused() {
    hasWallet = false;
    String upn = user(6, "US", "BUSINESS_VOICE", "COMMUNICATIONS_CREDITS");
    assertTrue(
        refused(rater().rate(outbound(upn, "+442079460000", 60)))
            .contains("no Communications Credits wallet"));
  }

  @Test
  void R_RATE_3_an_unknown_caller_is_refused_naming_userUpn() {
    assertTrue(
        refused(rater().rate(outbound("nobody@contoso.example", "+442079460000", 60)))
            .startsWith("userUpn:"));
  }
}
