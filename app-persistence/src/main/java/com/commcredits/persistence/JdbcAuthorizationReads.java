package com.commcredits.persistence;

import com.commcredits.catalog.PoolKind;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.rating.AuthorizationReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Call authorisation's reads as plain SQL: one round trip for the organisation, wallet and caller,
 * one for a pool.
 */
@ApplicationScoped
class JdbcAuthorizationReads implements AuthorizationReads {
  @Inject JdbcBatches jdbc;

  @Override
  public Optional<OrganisationFacts> organisation(
      long organisationId, String normalisedUpn, Instant balanceAt) {
    return jdbc.first(
        // the balance less lots past their expiry instant that the expiry has not written yet
        "SELECT o.currency, o.time_zone, w.balance - COALESCE((SELECT SUM(fl.remaining) "
            + "FROM funding_lot fl WHERE fl.wallet_id = w.id AND fl.remaining > 0 AND fl.expires_at <= ?), 0), "
            + "u.id, u.state, u.usage_location, GROUP_CONCAT(la.sku) "
            + "FROM organisation o LEFT JOIN wallet w ON w.organisation_id = o.id "
            + "LEFT JOIN directory_user u ON u.organisation_id = o.id AND u.upn = ? "
            + "LEFT JOIN licence_assignment la ON la.user_id = u.id AND la.removed_at IS NULL "
            + "WHERE o.id = ? GROUP BY o.currency, o.time_zone, w.id, w.balance, u.id, u.state, u.usage_location",
        ps -> {
          ps.setTimestamp(1, UtcTimestamps.of(balanceAt));
          ps.setString(2, normalisedUpn == null ? "" : normalisedUpn);
          ps.setLong(3, organisationId);
        },
        rs -> {
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
                                  .collect(Collectors.toSet())));
          return new OrganisationFacts(
              SupportedCurrency.valueOf(rs.getString(1)),
              ZoneId.of(rs.getString(2)),
              Optional.ofNullable(rs.getBigDecimal(3)),
              user);
        });
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
