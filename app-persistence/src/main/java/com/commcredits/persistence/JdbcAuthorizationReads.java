package com.commcredits.persistence;

import com.commcredits.catalog.PoolKind;
import com.commcredits.guard.BrakeWindow;
import com.commcredits.guard.SpendControls;
import com.commcredits.guard.SpendGuard;
import com.commcredits.guard.UserMonthSpend;
import com.commcredits.guard.UserSpendLimit;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.rating.AuthorizationReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Call authorisation's reads as plain SQL: one round trip for the organisation, wallet, brake,
 * caller and caller's caps, one for a pool.
 */
@ApplicationScoped
class JdbcAuthorizationReads implements AuthorizationReads {
  @Inject JdbcBatches jdbc;

  /**
   * Zones are within 14 hours of UTC, so the month a call is placed in, in the organisation's zone,
   * is the UTC month of 14 hours before or of 14 hours after it: the query reads both months'
   * counters and keeps the one that the organisation's zone names.
   */
  private static final Duration MOST_ZONE_OFFSET = Duration.ofHours(14);

  @Override
  public Optional<OrganisationFacts> organisation(
      long organisationId, String normalisedUpn, Instant balanceAt, Instant callAt) {
    YearMonth earlier = YearMonth.from(callAt.minus(MOST_ZONE_OFFSET).atZone(ZoneOffset.UTC));
    YearMonth later = YearMonth.from(callAt.plus(MOST_ZONE_OFFSET).atZone(ZoneOffset.UTC));
    return jdbc.first(
        // the balance less lots past their expiry instant that the expiry has not written yet
        "SELECT o.currency, o.time_zone, w.balance - COALESCE((SELECT SUM(fl.remaining) "
            + "FROM funding_lot fl WHERE fl.wallet_id = w.id AND fl.remaining > 0 AND fl.expires_at <= ?), 0), "
            + "u.id, u.state, u.usage_location, (SELECT GROUP_CONCAT(la.sku) FROM licence_assignment la "
            + "WHERE la.user_id = u.id AND la.removed_at IS NULL), "
            + "l.monthly_cap, l.international_cap, "
            + "s1.spend, s1.international_spend, s1.call_seconds, s1.calls, "
            + "s2.spend, s2.international_spend, s2.call_seconds, s2.calls, "
            + "c.organisation_id, c.international_per_hour, c.international_per_day, "
            + "b.last_hour, b.last_day "
            + "FROM organisation o LEFT JOIN wallet w ON w.organisation_id = o.id "
            + "LEFT JOIN directory_user u ON u.organisation_id = o.id AND u.upn = ? "
            + "LEFT JOIN user_spend_limit l ON l.user_id = u.id AND l.organisation_id = o.id "
            + "LEFT JOIN user_month_spend s1 ON s1.user_id = u.id AND s1.month = ? "
            + "LEFT JOIN user_month_spend s2 ON s2.user_id = u.id AND s2.month = ? "
            + "LEFT JOIN spend_control c ON c.organisation_id = o.id "
            // the brake's rolling windows: one range of at most 1,440 minute rows
            + "CROSS JOIN (SELECT COALESCE(SUM(CASE WHEN b.minute_at > ? THEN b.amount END), 0) last_hour, "
            + "COALESCE(SUM(b.amount), 0) last_day FROM international_spend_minute b "
            + "WHERE b.organisation_id = ? AND b.minute_at > ? AND b.minute_at <= ?) b "
            + "WHERE o.id = ?",
        ps -> {
          ps.setTimestamp(1, UtcTimestamps.of(balanceAt));
          ps.setString(2, normalisedUpn == null ? "" : normalisedUpn);
          ps.setString(3, earlier.toString());
          ps.setString(4, later.toString());
          ps.setTimestamp(5, UtcTimestamps.of(callAt.minus(BrakeWindow.HOUR.length())));
          ps.setLong(6, organisationId);
          ps.setTimestamp(7, UtcTimestamps.of(callAt.minus(BrakeWindow.DAY.length())));
          ps.setTimestamp(8, UtcTimestamps.of(SpendGuard.horizon(callAt)));
          ps.setLong(9, organisationId);
        },
        rs -> {
          ZoneId zone = ZoneId.of(rs.getString(2));
          YearMonth month = YearMonth.from(callAt.atZone(zone));
          long userId = rs.getLong(4);
          Optional<UserFacts> user =
              rs.wasNull()
                  ? Optional.empty()
                  : Optional.of(
                      new UserFacts(
                          userId,
                          "BLOCKED".equals(rs.getString(5)),
                          rs.getString(6),
                          rs.getString(7) == null
                              ? Set.of()
                              : Arrays.stream(rs.getString(7).split(","))
                                  .collect(Collectors.toSet()),
                          new UserSpendLimit(rs.getBigDecimal(8), rs.getBigDecimal(9)),
                          monthSpend(rs, month.equals(earlier) ? 10 : 14)));
          rs.getLong(18);
          SpendControls controls =
              rs.wasNull()
                  ? SpendControls.DEFAULT
                  : new SpendControls(rs.getBigDecimal(19), rs.getBigDecimal(20));
          return new OrganisationFacts(
              SupportedCurrency.valueOf(rs.getString(1)),
              zone,
              Optional.ofNullable(rs.getBigDecimal(3)),
              user,
              controls,
              rs.getBigDecimal(21),
              rs.getBigDecimal(22));
        });
  }

  /** The month's counters from the four columns starting at {@code first}; none when no row. */
  private static UserMonthSpend monthSpend(ResultSet rs, int first) throws SQLException {
    BigDecimal spend = rs.getBigDecimal(first);
    return spend == null
        ? UserMonthSpend.NONE
        : new UserMonthSpend(
            spend, rs.getBigDecimal(first + 1), rs.getLong(first + 2), rs.getLong(first + 3));
  }

  @Override
  public long availableMinutes(
      long organisationId, String country, PoolKind kind, YearMonth month, Instant capacityAt) {
    Timestamp at = UtcTimestamps.of(capacityAt);
    return jdbc.first(
            "SELECT (SELECT COALESCE(SUM(a.minutes), 0) FROM licence_assignment la "
                + "JOIN directory_user u ON u.id = la.user_id "
                + "JOIN product_allotment a ON a.sku = la.sku AND (a.country IS NULL OR a.country = u.usage_location) "
                + "WHERE la.organisation_id = ? AND u.usage_location = ? AND a.pool_kind = ? AND la.assigned_at <= ? "
                + "AND (la.removed_at IS NULL OR la.removed_at > ?)) - COALESCE((SELECT used_minutes FROM pool_usage "
                + "WHERE organisation_id = ? AND country = ? AND pool_kind = ? AND month = ?), 0)",
            ps -> {
              ps.setLong(1, organisationId);
              ps.setString(2, country);
              ps.setString(3, kind.name());
              ps.setTimestamp(4, at);
              ps.setTimestamp(5, at);
              ps.setLong(6, organisationId);
              ps.setString(7, country);
              ps.setString(8, kind.name());
              ps.setString(9, month.toString());
            },
            rs -> Math.max(0, rs.getLong(1)))
        .orElse(0L);
  }
}
