package com.commcredits.guard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The spend guard's rows. The counters and buckets are written only under the wallet's lock (the
 * lock order in the wallet package), so adding to them never loses an update.
 */
public interface SpendGuardRepository {
  UserSpendLimit limit(long userId);

  Map<Long, UserSpendLimit> limits(long organisationId, Collection<Long> userIds);

  void saveLimit(long organisationId, long userId, UserSpendLimit limit, Instant at);

  UserMonthSpend spend(long userId, YearMonth month);

  Map<Long, UserMonthSpend> spends(long organisationId, Collection<Long> userIds, YearMonth month);

  /** Adds the lines to the users' month counters and the organisation's minute buckets. */
  void add(long organisationId, List<SpendLine> lines);
}
