package com.commcredits.persistence;

import com.commcredits.guard.SpendGuard;
import com.commcredits.guard.SpendGuardRepository;
import com.commcredits.guard.SpendLine;
import com.commcredits.guard.UserMonthSpend;
import com.commcredits.guard.UserSpendLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spend guard's rows as plain SQL: authorisation's reads in one round trip, and rating's
 * counters as batched upserts on the transaction's connection (so they commit with the charge).
 */
@ApplicationScoped
class JdbcSpendGuardRepository implements SpendGuardRepository {
  @Inject JdbcBatches jdbc;

  @Override
  public UserSpendLimit limit(long userId) {
    return jdbc.first(
            "SELECT monthly_cap, international_cap FROM user_spend_limit WHERE user_id = ?",
            ps -> ps.setLong(1, userId),
            rs -> new UserSpendLimit(rs.getBigDecimal(1), rs.getBigDecimal(2)))
        .orElse(UserSpendLimit.NONE);
  }

  @Override
  public Map<Long, UserSpendLimit> limits(long organisationId, Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = List.copyOf(userIds);
    return jdbc.query(
        "SELECT user_id, monthly_cap, international_cap FROM user_spend_limit "
            + "WHERE organisation_id = ? AND user_id IN ("
            + JdbcBatches.placeholders(ids.size())
            + ")",
        ps -> {
          ps.setLong(1, organisationId);
          for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 2, ids.get(i));
          }
        },
        rs ->
            Map.entry(rs.getLong(1), new UserSpendLimit(rs.getBigDecimal(2), rs.getBigDecimal(3))));
  }

  @Override
  public void saveLimit(long organisationId, long userId, UserSpendLimit limit, Instant at) {
    if (limit.isNone()) {
      jdbc.update("DELETE FROM user_spend_limit WHERE user_id = ?", ps -> ps.setLong(1, userId));
      return;
    }
    jdbc.update(
        "INSERT INTO user_spend_limit (user_id, organisation_id, monthly_cap, international_cap, updated_at) "
            + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE monthly_cap = VALUES(monthly_cap), "
            + "international_cap = VALUES(international_cap), updated_at = VALUES(updated_at)",
        ps -> {
          ps.setLong(1, userId);
          ps.setLong(2, organisationId);
          ps.setBigDecimal(3, limit.monthly());
          ps.setBigDecimal(4, limit.internationalMonthly());
          ps.setTimestamp(5, UtcTimestamps.of(at));
        });
  }

  @Override
  public UserMonthSpend spend(long userId, YearMonth month) {
    return jdbc.first(
            "SELECT spend, international_spend, call_seconds, calls FROM user_month_spend "
                + "WHERE user_id = ? AND month = ?",
            ps -> {
              ps.setLong(1, userId);
              ps.setString(2, month.toString());
            },
            JdbcSpendGuardRepository::spend)
        .orElse(UserMonthSpend.NONE);
  }

  @Override
  public Map<Long, UserMonthSpend> spends(
      long organisationId, Collection<Long> userIds, YearMonth month) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = List.copyOf(userIds);
    return jdbc.query(
        "SELECT user_id, spend, international_spend, call_seconds, calls FROM user_month_spend "
            + "WHERE organisation_id = ? AND month = ? AND user_id IN ("
            + JdbcBatches.placeholders(ids.size())
            + ")",
        ps -> {
          ps.setLong(1, organisationId);
          ps.setString(2, month.toString());
          for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 3, ids.get(i));
          }
        },
        rs ->
            Map.entry(
                rs.getLong(1),
                new UserMonthSpend(
                    rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5))));
  }

  private static UserMonthSpend spend(ResultSet rs) throws SQLException {
    return new UserMonthSpend(
        rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4));
  }

  /** A user's month counters summed over a batch. */
  private record UserKey(long userId, String month) implements Comparable<UserKey> {
    @Override
    public int compareTo(UserKey o) {
      int c = Long.compare(userId, o.userId);
      return c != 0 ? c : month.compareTo(o.month);
    }
  }

  private static final class Sums {
    BigDecimal spend = BigDecimal.ZERO;
    BigDecimal international = BigDecimal.ZERO;
    long seconds;
    long calls;
  }

  @Override
  public void add(long organisationId, List<SpendLine> lines) {
    // summed per row first, and written in key order, so a batch touches each row once
    Map<UserKey, Sums> users = new TreeMap<>();
    Map<Instant, BigDecimal> buckets = new TreeMap<>();
    for (SpendLine line : lines) {
      if (line.userId() != null) {
        Sums s =
            users.computeIfAbsent(
                new UserKey(line.userId(), line.month().toString()), k -> new Sums());
        s.spend = s.spend.add(line.charge());
        if (line.international()) {
          s.international = s.international.add(line.charge());
        }
        s.seconds += line.seconds();
        s.calls++;
      }
      if (line.international() && line.charge().signum() > 0) {
        buckets.merge(SpendGuard.bucket(line.endedAt()), line.charge(), BigDecimal::add);
      }
    }
    jdbc.insertRows(
        "INSERT INTO user_month_spend (user_id, month, organisation_id, spend, international_spend, "
            + "call_seconds, calls)",
        "ON DUPLICATE KEY UPDATE spend = spend + VALUES(spend), international_spend = "
            + "international_spend + VALUES(international_spend), call_seconds = call_seconds + "
            + "VALUES(call_seconds), calls = calls + VALUES(calls)",
        7,
        new ArrayList<>(users.entrySet()),
        (v, e) ->
            v.add(e.getKey().userId())
                .add(e.getKey().month())
                .add(organisationId)
                .add(e.getValue().spend)
                .add(e.getValue().international)
                .add(e.getValue().seconds)
                .add(e.getValue().calls));
    jdbc.insertRows(
        "INSERT INTO international_spend_minute (organisation_id, minute_at, amount)",
        "ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)",
        3,
        new ArrayList<>(buckets.entrySet()),
        (v, e) -> v.add(organisationId).add(e.getKey()).add(e.getValue()));
  }
}
