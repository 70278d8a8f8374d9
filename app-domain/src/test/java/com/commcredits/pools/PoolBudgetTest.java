package com.commcredits.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.catalog.PoolKind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pools of a batch, counted in memory (R-POOL-1, R-POOL-2, R-RATE-3). */
class PoolBudgetTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final PoolKey US_DOMESTIC = new PoolKey("US", PoolKind.DOMESTIC);
  private static final PoolKey CA_DOMESTIC = new PoolKey("CA", PoolKind.DOMESTIC);
  private static final PoolKey US_INTERNATIONAL = new PoolKey("US", PoolKind.INTERNATIONAL);

  /** Pools in memory: capacities per key, minutes used per key and month, and what was locked. */
  static final class InMemoryPools implements PoolRepository {
    final Map<PoolKey, Long> capacity = new HashMap<>();
    final Map<String, Long> used = new HashMap<>();
    final List<String> locked = new ArrayList<>();
    int writes;

    @Override
    public Map<PoolKey, Long> capacities(long organisationId, Instant at) {
      return Map.copyOf(capacity);
    }

    @Override
    public Map<PoolKey, Long> used(long organisationId, YearMonth month) {
      Map<PoolKey, Long> result = new HashMap<>();
      capacity.keySet().forEach(k -> result.put(k, used.getOrDefault(k + "/" + month, 0L)));
      return result;
    }

    @Override
    public long lockUsed(long organisationId, PoolKey pool, YearMonth month) {
      locked.add(pool + "/" + month);
      return used.getOrDefault(pool + "/" + month, 0L);
    }

    @Override
    public void addUsed(long organisationId, PoolKey pool, YearMonth month, long minutes) {
      writes++;
      used.merge(pool + "/" + month, minutes, Long::sum);
    }
  }

  private final InMemoryPools repository = new InMemoryPools();

  private PoolBudget budget() {
    return new PoolBudget(1L, repository, month -> Instant.parse("2026-11-26T12:00:00Z"));
  }

  @Test
  void R_POOL_2_a_call_draws_only_on_the_pool_of_its_country_and_kind() {
    repository.capacity.put(US_DOMESTIC, 3000L);
    repository.capacity.put(CA_DOMESTIC, 100L);
    PoolBudget budget = budget();
    assertEquals(3000, budget.available("US", PoolKind.DOMESTIC, NOVEMBER));
    assertEquals(0, budget.available("US", PoolKind.INTERNATIONAL, NOVEMBER), "no such licence");
    assertEquals(0, budget.available("GB", PoolKind.DOMESTIC, NOVEMBER), "no such country");
    assertEquals(40, budget.take("CA", PoolKind.DOMESTIC, NOVEMBER, 40));
    assertEquals(3000, budget.available("US", PoolKind.DOMESTIC, NOVEMBER), "minutes never move");
    assertEquals(60, budget.available("CA", PoolKind.DOMESTIC, NOVEMBER));
  }

  @Test
  void R_RATE_3_a_call_beyond_the_pool_takes_what_is_left_and_the_rest_is_for_the_wallet() {
    repository.capacity.put(US_INTERNATIONAL, 100L);
    repository.used.put(US_INTERNATIONAL + "/" + NOVEMBER, 97L);
    PoolBudget budget = budget();
    assertEquals(3, budget.available("US", PoolKind.INTERNATIONAL, NOVEMBER));
    assertEquals(3, budget.take("US", PoolKind.INTERNATIONAL, NOVEMBER, 5), "3 of 5 minutes");
    assertEquals(0, budget.take("US", PoolKind.INTERNATIONAL, NOVEMBER, 5), "then none");
    assertEquals(0, budget.take("US", PoolKind.INTERNATIONAL, NOVEMBER, 0));
  }

  @Test
  void R_POOL_1_each_pool_month_is_locked_once_and_written_once_per_batch() {
    repository.capacity.put(US_DOMESTIC, 3000L);
    PoolBudget budget = budget();
    budget.take("US", PoolKind.DOMESTIC, NOVEMBER, 10);
    budget.take("US", PoolKind.DOMESTIC, NOVEMBER, 20);
    budget.take("US", PoolKind.DOMESTIC, NOVEMBER.plusMonths(1), 5);
    assertEquals(
        List.of(US_DOMESTIC + "/" + NOVEMBER, US_DOMESTIC + "/2026-12"), repository.locked);
    assertEquals(0, repository.writes, "nothing written before the batch ends");
    budget.commit();
    assertEquals(2, repository.writes, "one write per pool month");
    assertEquals(30L, repository.used.get(US_DOMESTIC + "/" + NOVEMBER));
    assertEquals(2970, budget.available("US", PoolKind.DOMESTIC, NOVEMBER));
    budget.commit();
    assertEquals(2, repository.writes, "committing again writes nothing");
  }

  @Test
  void R_POOL_3_a_new_month_starts_from_its_own_count() {
    repository.capacity.put(US_DOMESTIC, 100L);
    repository.used.put(US_DOMESTIC + "/" + NOVEMBER, 100L);
    PoolBudget budget = budget();
    assertEquals(0, budget.available("US", PoolKind.DOMESTIC, NOVEMBER));
    assertEquals(100, budget.available("US", PoolKind.DOMESTIC, NOVEMBER.plusMonths(1)));
  }
}
