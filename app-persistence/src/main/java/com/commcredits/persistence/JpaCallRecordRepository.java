package com.commcredits.persistence;

import com.commcredits.rating.CallRecord;
import com.commcredits.rating.CallRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaCallRecordRepository implements CallRecordRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @jakarta.inject.Inject JdbcBatches batches;

  @Override
  public Map<String, CallRecord> existing(long organisationId, Collection<String> callIds) {
    if (callIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("SELECT c FROM CallRecord c WHERE c.organisationId = :org AND c.callId IN :ids",
            CallRecord.class).setParameter("org", organisationId).setParameter("ids", callIds).getResultStream()
        .collect(Collectors.toMap(CallRecord::callId, Function.identity()));
  }

  @Override
  public void add(CallRecord record) {
    em.persist(record);
  }

  @Override
  public void addAll(java.util.List<CallRecord> rows) {
    batches.insert("INSERT INTO call_record (organisation_id, call_id, kind, user_upn, user_name, user_location, "
        + "toll_free_number, from_number, to_number, destination_country, domestic, start_at, end_at, duration_seconds, "
        + "pool_kind, pool_minutes, wallet_seconds, rate_prefix, connection_fee, charge, currency, ledger_entry_id, "
        + "rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, (ps, r) -> {
          ps.setLong(1, r.organisationId());
          ps.setString(2, r.callId());
          ps.setString(3, r.kind().name());
          ps.setString(4, r.userUpn());
          ps.setString(5, r.userName());
          ps.setString(6, r.userLocation());
          ps.setString(7, r.tollFreeNumber());
          ps.setString(8, r.fromNumber());
          ps.setString(9, r.toNumber());
          ps.setString(10, r.destinationCountry());
          ps.setBoolean(11, r.domestic());
          ps.setTimestamp(12, UtcTimestamps.of(r.startAt()));
          ps.setTimestamp(13, UtcTimestamps.of(r.endAt()));
          ps.setInt(14, r.durationSeconds());
          ps.setString(15, r.poolKind());
          ps.setInt(16, r.poolMinutes());
          ps.setInt(17, r.walletSeconds());
          ps.setString(18, r.ratePrefix());
          ps.setBigDecimal(19, r.connectionFee());
          ps.setBigDecimal(20, r.charge());
          ps.setString(21, r.currency());
          if (r.ledgerEntryId() == null) {
            ps.setNull(22, java.sql.Types.BIGINT);
          } else {
            ps.setLong(22, r.ledgerEntryId());
          }
          ps.setTimestamp(23, UtcTimestamps.of(r.ratedAt()));
        });
  }

  private static String where(com.commcredits.rating.UsageFilter f) {
    return " WHERE c.organisationId = :org AND c.startAt >= :from AND c.startAt < :to"
        + (f.userUpn() == null ? "" : " AND c.userUpn = :upn") + (f.kind() == null ? "" : " AND c.kind = :kind");
  }

  private static <T> jakarta.persistence.TypedQuery<T> bind(jakarta.persistence.TypedQuery<T> q, long org,
      com.commcredits.rating.UsageFilter f) {
    q.setParameter("org", org).setParameter("from", f.from()).setParameter("to", f.to());
    if (f.userUpn() != null) {
      q.setParameter("upn", f.userUpn());
    }
    if (f.kind() != null) {
      q.setParameter("kind", f.kind());
    }
    return q;
  }

  @Override
  public java.util.List<CallRecord> search(long organisationId, com.commcredits.rating.UsageFilter filter, long afterId,
      int limit) {
    return bind(em.createQuery("SELECT c FROM CallRecord c" + where(filter) + " AND c.id > :after ORDER BY c.id",
        CallRecord.class), organisationId, filter).setParameter("after", afterId).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(long organisationId, com.commcredits.rating.UsageFilter filter) {
    return bind(em.createQuery("SELECT COUNT(c) FROM CallRecord c" + where(filter), Long.class), organisationId, filter)
        .getSingleResult();
  }

  @Override
  public Map<Long, String> funding(Collection<Long> entryIds) {
    if (entryIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, StringBuilder> text = new java.util.HashMap<>();
    for (Object[] row : em.createQuery("SELECT a.entryId, a.lotId, a.amount FROM LotAllocation a WHERE a.entryId IN :ids "
        + "ORDER BY a.id", Object[].class).setParameter("ids", entryIds).getResultList()) {
      StringBuilder b = text.computeIfAbsent((Long) row[0], k -> new StringBuilder());
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(row[1] == null ? "uncovered" : "lot " + row[1]).append(": ")
          .append(((java.math.BigDecimal) row[2]).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    }
    Map<Long, String> result = new java.util.HashMap<>();
    text.forEach((k, v) -> result.put(k, v.toString()));
    return result;
  }
}
