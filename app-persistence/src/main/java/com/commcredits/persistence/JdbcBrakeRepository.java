package com.commcredits.persistence;

import com.commcredits.guard.BrakeRepository;
import com.commcredits.guard.BrakeTrip;
import com.commcredits.guard.BrakeWindow;
import com.commcredits.guard.SpendControls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The toll-fraud brake's rows as plain SQL, on the transaction's connection. */
@ApplicationScoped
class JdbcBrakeRepository implements BrakeRepository {
  @Inject JdbcBatches jdbc;

  @Override
  public BigDecimal internationalBetween(long organisationId, Instant from, Instant to) {
    return jdbc.first(
            "SELECT COALESCE(SUM(amount), 0) FROM international_spend_minute "
                + "WHERE organisation_id = ? AND minute_at > ? AND minute_at <= ?",
            ps -> {
              ps.setLong(1, organisationId);
              ps.setTimestamp(2, UtcTimestamps.of(from));
              ps.setTimestamp(3, UtcTimestamps.of(to));
            },
            rs -> rs.getBigDecimal(1))
        .orElse(BigDecimal.ZERO);
  }

  @Override
  public SpendControls controls(long organisationId) {
    return jdbc.first(
            "SELECT international_per_hour, international_per_day FROM spend_control "
                + "WHERE organisation_id = ?",
            ps -> ps.setLong(1, organisationId),
            rs -> new SpendControls(rs.getBigDecimal(1), rs.getBigDecimal(2)))
        .orElse(SpendControls.DEFAULT);
  }

  @Override
  public void saveControls(long organisationId, SpendControls controls, Instant at) {
    jdbc.update(
        "INSERT INTO spend_control (organisation_id, international_per_hour, international_per_day, "
            + "updated_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE international_per_hour = "
            + "VALUES(international_per_hour), international_per_day = VALUES(international_per_day), "
            + "updated_at = VALUES(updated_at)",
        ps -> {
          ps.setLong(1, organisationId);
          ps.setBigDecimal(2, controls.internationalPerHour());
          ps.setBigDecimal(3, controls.internationalPerDay());
          ps.setTimestamp(4, UtcTimestamps.of(at));
        });
  }

  @Override
  public BrakeTrip addTrip(BrakeTrip trip) {
    long id =
        jdbc.insertReturningKey(
            "INSERT INTO spend_brake_trip (organisation_id, window_kind, limit_amount, spent, "
                + "window_from, tripped_at) VALUES (?, ?, ?, ?, ?, ?)",
            ps -> {
              ps.setLong(1, trip.organisationId());
              ps.setString(2, trip.window().name());
              ps.setBigDecimal(3, trip.limit());
              ps.setBigDecimal(4, trip.spent());
              ps.setTimestamp(5, UtcTimestamps.of(trip.windowFrom()));
              ps.setTimestamp(6, UtcTimestamps.of(trip.trippedAt()));
            });
    return new BrakeTrip(
        id,
        trip.organisationId(),
        trip.window(),
        trip.limit(),
        trip.spent(),
        trip.windowFrom(),
        trip.trippedAt());
  }

  @Override
  public Optional<BrakeTrip> lastTrip(long organisationId) {
    return jdbc.first(
        "SELECT id, window_kind, limit_amount, spent, window_from, tripped_at FROM spend_brake_trip "
            + "WHERE organisation_id = ? ORDER BY tripped_at DESC, id DESC LIMIT 1",
        ps -> ps.setLong(1, organisationId),
        rs ->
            new BrakeTrip(
                rs.getLong(1),
                organisationId,
                BrakeWindow.valueOf(rs.getString(2)),
                rs.getBigDecimal(3),
                rs.getBigDecimal(4),
                instant(rs.getTimestamp(5)),
                instant(rs.getTimestamp(6))));
  }

  private static Instant instant(Timestamp t) {
    return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }

  @Override
  public List<TrippingCall> internationalCalls(
      long organisationId, Instant from, Instant to, int limit) {
    List<TrippingCall> out = new ArrayList<>();
    jdbc.each(
        "SELECT call_id, user_upn, to_number, end_at, charge FROM call_record "
            + "WHERE organisation_id = ? AND start_at > ? AND start_at <= ? AND end_at > ? "
            + "AND domestic = FALSE AND toll_free_number IS NULL AND charge > 0 "
            + "ORDER BY charge DESC, end_at DESC LIMIT ?",
        ps -> {
          ps.setLong(1, organisationId);
          // the call started at most 48 hours before it ended (R-RATE-6): the index on start_at
          ps.setTimestamp(2, UtcTimestamps.of(from.minus(java.time.Duration.ofHours(48))));
          ps.setTimestamp(3, UtcTimestamps.of(to));
          ps.setTimestamp(4, UtcTimestamps.of(from));
          ps.setInt(5, limit);
        },
        rs ->
            out.add(
                new TrippingCall(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs.getTimestamp(4)),
                    rs.getBigDecimal(5))));
    return out;
  }
}
