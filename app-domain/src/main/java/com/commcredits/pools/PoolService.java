package com.commcredits.pools;

import com.commcredits.catalog.PoolKind;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The minute pools (R-POOL-1 … R-POOL-3): their state for a month, and taking minutes from the pool
 * of the caller's country, which returns how many it covered (the rest is for the wallet). A month
 * starts at 00:00 on the 1st in the organisation's zone; a new month starts from zero (nothing
 * carries over).
 */
@Stateless
public class PoolService {
  private static final Set<String> NORTH_AMERICA = Set.of("US", "CA");

  @Inject PoolRepository pools;
  @Inject OrganisationRepository organisations;
  @Inject Clock clock;

  /**
   * R-POOL-2: a call is domestic within one country, and between the US and Canada for US and CA
   * users.
   */
  public static boolean isDomestic(String callerCountry, String destinationCountry) {
    return callerCountry.equals(destinationCountry)
        || (NORTH_AMERICA.contains(callerCountry) && NORTH_AMERICA.contains(destinationCountry));
  }

  /** The month an instant falls in, in the organisation's zone (R-POOL-3). */
  public YearMonth monthOf(long organisationId, Instant at) {
    return YearMonth.from(at.atZone(zone(organisationId)));
  }

  public YearMonth currentMonth(Caller caller) {
    return monthOf(caller.organisationId(), clock.instant());
  }

  /** Every pool of the month with its total, used and available minutes (R-REP-2). */
  public List<PoolView> pools(Caller caller, YearMonth month) {
    if (!caller.can(Permission.VIEW_REPORTS) && !caller.can(Permission.MANAGE_USERS)) {
      caller.require(Permission.VIEW_REPORTS);
    }
    Map<PoolKey, Long> capacity =
        pools.capacities(caller.organisationId(), capacityInstant(caller.organisationId(), month));
    Map<PoolKey, Long> used = pools.used(caller.organisationId(), month);
    Set<PoolKey> keys = new HashSet<>(capacity.keySet());
    keys.addAll(used.keySet());
    List<PoolView> views = new ArrayList<>();
    for (PoolKey key : keys) {
      views.add(
          new PoolView(
              key.country(),
              key.kind(),
              capacity.getOrDefault(key, 0L),
              used.getOrDefault(key, 0L)));
    }
    views.sort(Comparator.comparing(PoolView::country).thenComparing(PoolView::kind));
    return views;
  }

  /**
   * Takes up to {@code minutes} from the pool of the caller's country and kind for the month;
   * returns the minutes it covered. The pool's month row is locked, so concurrent calls never
   * overdraw it.
   */
  public long take(
      long organisationId, String country, PoolKind kind, YearMonth month, long minutes) {
    PoolBudget budget = budget(organisationId);
    long covered = budget.take(country, kind, month, minutes);
    budget.commit();
    return covered;
  }

  /**
   * The organisation's pools for rating one batch of calls, taken from in memory and written once.
   */
  public PoolBudget budget(long organisationId) {
    ZoneId zone = zone(organisationId);
    Instant now = clock.instant();
    return new PoolBudget(organisationId, pools, month -> capacityInstant(month, zone, now));
  }

  /** Minutes still available in one pool for a month, without taking any. */
  public long available(long organisationId, String country, PoolKind kind, YearMonth month) {
    PoolKey key = new PoolKey(country, kind);
    long capacity =
        pools
            .capacities(organisationId, capacityInstant(organisationId, month))
            .getOrDefault(key, 0L);
    return Math.max(0, capacity - pools.used(organisationId, month).getOrDefault(key, 0L));
  }

  /**
   * Capacity follows assignments: now for the current month, the month's end for a past one
   * (R-POOL-1).
   */
  private Instant capacityInstant(long organisationId, YearMonth month) {
    return capacityInstant(month, zone(organisationId), clock.instant());
  }

  /**
   * The instant whose assignments give a month's capacity: now, or the month's end once it is over.
   */
  public static Instant capacityInstant(YearMonth month, ZoneId zone, Instant now) {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    return now.isBefore(end) ? now : end;
  }

  private ZoneId zone(long organisationId) {
    return organisations
        .find(organisationId)
        .map(Organisation::timeZone)
        .orElseThrow(() -> new NotFoundException("The organisation"));
  }
}
