package com.commcredits.persistence;

import com.commcredits.rating.CallKind;
import com.commcredits.rating.CallRecord;
import com.commcredits.rating.CallRecordRepository;
import com.commcredits.rating.UsageFilter;
import com.commcredits.wallet.ChargeResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaCallRecordRepository implements CallRecordRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Inject JdbcBatches batches;
  @Inject JdbcCallSpend spend;
  @Inject JdbcCallRecordIds ids;
  @Inject JdbcCallRecordExport export;

  @Override
  public Map<String, CallRecord> existing(long organisationId, Collection<String> callIds) {
    if (callIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT c FROM CallRecord c WHERE c.organisationId = :org AND c.callId IN :ids",
            CallRecord.class)
        .setParameter("org", organisationId)
        .setParameter("ids", callIds)
        .getResultStream()
        .collect(Collectors.toMap(CallRecord::callId, Function.identity()));
  }

  @Override
  public void add(CallRecord record) {
    em.persist(record);
    spend.add(List.of(record));
  }

  @Override
  public void addAll(List<CallRecord> rows) {
    batches.insertRows(
        "INSERT INTO call_record (organisation_id, call_id, kind, user_upn, user_name, user_location, "
            + "toll_free_number, from_number, to_number, destination_country, domestic, start_at, end_at, duration_seconds, "
            + "pool_kind, pool_minutes, wallet_seconds, rate_prefix, connection_fee, charge, currency, ledger_entry_id, "
            + "rated_at)",
        "",
        23,
        rows,
        (v, r) ->
            v.add(r.organisationId())
                .add(r.callId())
                .add(r.kind().name())
                .add(r.userUpn())
                .add(r.userName())
                .add(r.userLocation())
                .add(r.tollFreeNumber())
                .add(r.fromNumber())
                .add(r.toNumber())
                .add(r.destinationCountry())
                .add(r.domestic())
                .add(r.startAt())
                .add(r.endAt())
                .add(r.durationSeconds())
                .add(r.poolKind())
                .add(r.poolMinutes())
                .add(r.walletSeconds())
                .add(r.ratePrefix())
                .add(r.connectionFee())
                .add(r.charge())
                .add(r.currency())
                .add(r.ledgerEntryId())
                .add(r.ratedAt()));
    spend.add(rows);
  }

  private static String where(UsageFilter f) {
    return " WHERE c.organisationId = :org AND c.startAt >= :from AND c.startAt < :to"
        + (f.userUpn() == null ? "" : " AND c.userUpn = :upn")
        + (f.kind() == null ? "" : " AND c.kind = :kind");
  }

  private static <T> TypedQuery<T> bind(TypedQuery<T> q, long org, UsageFilter f) {
    q.setParameter("org", org).setParameter("from", f.from()).setParameter("to", f.to());
    if (f.userUpn() != null) {
      q.setParameter("upn", f.userUpn());
    }
    if (f.kind() != null) {
      q.setParameter("kind", f.kind());
    }
    return q;
  }

  /**
   * The chunk in id order over the primary key (a chunk stops after {@code limit} matches, so an
   * export of a year reads each row once, never sorting the period), read by JDBC as unmanaged
   * records in one query: nothing stays in a persistence context between chunks.
   */
  @Override
  public List<CallRecord> search(
      long organisationId, UsageFilter filter, long afterId, long upToId, int limit) {
    return export.after(organisationId, filter, afterId, upToId, limit);
  }

  @Override
  public long[] idRange(long organisationId, UsageFilter filter) {
    return ids.range(organisationId, filter);
  }

  /** The records of these ids, in their order. */
  private List<CallRecord> byIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, CallRecord> byId =
        em.createQuery("SELECT c FROM CallRecord c WHERE c.id IN :ids", CallRecord.class)
            .setParameter("ids", ids)
            .getResultStream()
            .collect(Collectors.toMap(CallRecord::id, Function.identity()));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /**
   * The page's ids first, by a seek on the (organisation, [user,] start, id) index from the
   * cursor's (start, id): a deep page costs what the first does. Then those rows.
   */
  @Override
  public List<CallRecord> around(
      long organisationId, UsageFilter filter, Long beforeId, Long afterId, int limit) {
    return byIds(ids.around(organisationId, filter, beforeId, afterId, limit));
  }

  /**
   * Without a user, the sum of the hourly spend rows (a few thousand for a year, exact); with one,
   * a count over the organisation-user-start index.
   */
  @Override
  public long count(long organisationId, UsageFilter filter) {
    if (JdbcCallSpend.hourly(filter, null)) {
      return spend.count(organisationId, filter);
    }
    return bind(
            em.createQuery("SELECT COUNT(c) FROM CallRecord c" + where(filter), Long.class),
            organisationId,
            filter)
        .getSingleResult();
  }

  /** By JDBC over the entry index: an export asks for a year of them, a chunk at a time. */
  @Override
  public Map<Long, List<ChargeResult.LotPayment>> funding(Collection<Long> entryIds) {
    return export.funding(entryIds);
  }

  /**
   * One GROUP BY over the organisation's start-time index. Days are those of the zone: the UTC
   * start is shifted by the zone's offset in force at that instant, a CASE over the zone's
   * transitions in the period (a year has at most a few), so a day boundary is exact across
   * daylight-saving changes without time-zone tables.
   */
  @Override
  public SortedMap<LocalDate, Map<CallKind, BigDecimal>> spendByDay(
      long organisationId, UsageFilter filter, ZoneId zone) {
    List<Instant> changes = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    offsets.add(zone.getRules().getOffset(filter.from()).getTotalSeconds());
    for (ZoneOffsetTransition t = zone.getRules().nextTransition(filter.from());
        t != null && t.getInstant().isBefore(filter.to());
        t = zone.getRules().nextTransition(t.getInstant())) {
      changes.add(t.getInstant());
      offsets.add(t.getOffsetAfter().getTotalSeconds());
    }
    // the hourly spend rows when they answer exactly (a year is some 9,000 of them), else the calls
    boolean hourly = JdbcCallSpend.hourly(filter, zone);
    // qualified: a bare HOUR inside INTERVAL reads as the unit; a CASE needs at least one WHEN
    String time = hourly ? "x.hour" : "x.start_at";
    StringBuilder shift = new StringBuilder(changes.isEmpty() ? "" : "CASE");
    for (int i = 0; i < changes.size(); i++) {
      shift.append(" WHEN ").append(time).append(" < ? THEN ?");
    }
    shift.append(changes.isEmpty() ? "?" : " ELSE ? END");
    String sql =
        "SELECT DATE(DATE_ADD("
            + time
            + ", INTERVAL "
            + shift
            + " SECOND)) AS day, x.kind, SUM(x.charge) "
            + "FROM "
            + (hourly ? "call_spend_hourly x" : "call_record x")
            + " WHERE x.organisation_id = ? AND "
            + time
            + " >= ? AND "
            + time
            + " < ?"
            + (filter.userUpn() == null ? "" : " AND x.user_upn = ?")
            + (filter.kind() == null ? "" : " AND x.kind = ?")
            + " GROUP BY day, x.kind";
    SortedMap<LocalDate, Map<CallKind, BigDecimal>> result = new TreeMap<>();
    batches.each(
        sql,
        statement -> {
          int p = 1;
          for (int i = 0; i < changes.size(); i++) {
            statement.setTimestamp(p++, UtcTimestamps.of(changes.get(i)));
            statement.setInt(p++, offsets.get(i));
          }
          statement.setInt(p++, offsets.get(offsets.size() - 1));
          statement.setLong(p++, organisationId);
          statement.setTimestamp(p++, UtcTimestamps.of(filter.from()));
          statement.setTimestamp(p++, UtcTimestamps.of(filter.to()));
          if (filter.userUpn() != null) {
            statement.setString(p++, filter.userUpn());
          }
          if (filter.kind() != null) {
            statement.setString(p, filter.kind().name());
          }
        },
        row -> {
          result
              .computeIfAbsent(row.getDate(1).toLocalDate(), d -> new EnumMap<>(CallKind.class))
              .merge(CallKind.valueOf(row.getString(2)), row.getBigDecimal(3), BigDecimal::add);
        });
    return result;
  }
}
