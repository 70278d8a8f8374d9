package com.commcredits.persistence;

import com.commcredits.shared.Page;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.LedgerRepository;
import com.commcredits.wallet.LotAllocation;
import com.commcredits.wallet.Movement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaLedgerRepository implements LedgerRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Inject JdbcBatches batches;
  @Inject JdbcLedgerReads reads;
  @Inject JdbcChargeDays chargeDays;
  @Inject SettledBalances settled;

  @Override
  public Optional<LedgerEntry> entryByKey(long walletId, String idempotencyKey) {
    return em.createQuery(
            "SELECT e FROM LedgerEntry e WHERE e.walletId = :w AND e.idempotencyKey = :k",
            LedgerEntry.class)
        .setParameter("w", walletId)
        .setParameter("k", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<LedgerEntry> entry(long walletId, long entryId) {
    return Optional.ofNullable(em.find(LedgerEntry.class, entryId))
        .filter(e -> e.walletId() == walletId);
  }

  @Override
  public Optional<LedgerEntry> reversalOf(long walletId, long entryId) {
    return em.createQuery(
            "SELECT e FROM LedgerEntry e WHERE e.walletId = :w AND e.reversesEntryId = :e",
            LedgerEntry.class)
        .setParameter("w", walletId)
        .setParameter("e", entryId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<LotAllocation> allocations(long entryId) {
    return em.createQuery(
            "SELECT a FROM LotAllocation a WHERE a.entryId = :e ORDER BY a.id", LotAllocation.class)
        .setParameter("e", entryId)
        .getResultList();
  }

  @Override
  public void record(Movement movement) {
    if (movement.newLot() != null) {
      em.persist(movement.newLot());
    }
    em.persist(movement.entry());
    em.flush();
    chargeDays.add(List.of(movement.entry()));
    settled.written(List.of(movement.entry()));
    for (LotAllocation allocation : movement.allocations()) {
      em.persist(allocation);
    }
  }

  @Override
  public Map<String, LedgerEntry> entriesByKeys(long walletId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT e FROM LedgerEntry e WHERE e.walletId = :w AND e.idempotencyKey IN :k",
            LedgerEntry.class)
        .setParameter("w", walletId)
        .setParameter("k", keys)
        .getResultStream()
        .collect(Collectors.toMap(LedgerEntry::idempotencyKey, Function.identity()));
  }

  @Override
  public Map<Long, List<LotAllocation>> allocations(Collection<Long> entryIds) {
    if (entryIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT a FROM LotAllocation a WHERE a.entryId IN :e ORDER BY a.id",
            LotAllocation.class)
        .setParameter("e", entryIds)
        .getResultStream()
        .collect(
            Collectors.groupingBy(LotAllocation::entryId, LinkedHashMap::new, Collectors.toList()));
  }

  @Override
  public Map<String, Long> insertEntries(List<LedgerEntry> entries) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    long walletId = entries.get(0).walletId();
    for (LedgerEntry e : entries) {
      if (e.walletId() != walletId) {
        throw new IllegalArgumentException("One wallet per call");
      }
    }
    Optional<Map<String, Long>> returned =
        batches.insertRowsReturning(
            "INSERT INTO ledger_entry (wallet_id, entry_type, amount, balance_after, currency, "
                + "occurred_at, recorded_at, idempotency_key, reference, description, "
                + "reverses_entry_id, actor)",
            12,
            entries,
            (v, e) ->
                v.add(e.walletId())
                    .add(e.type().name())
                    .add(e.amount())
                    .add(e.balanceAfter())
                    .add(e.currency())
                    .add(e.occurredAt())
                    .add(e.recordedAt())
                    .add(e.idempotencyKey())
                    .add(e.reference())
                    .add(e.description())
                    .add(e.reversesEntryId())
                    .add(e.actor()),
            "idempotency_key, id",
            rs -> Map.entry(rs.getString(1), rs.getLong(2)));
    chargeDays.add(entries);
    settled.written(entries);
    if (returned.isPresent()) {
      // each row's own id from the insert itself (MariaDB): exact whatever the lock mode
      return returned.get();
    }
    // elsewhere the ids by key, read back rather than inferred from the auto-increment: exact
    // whatever the lock mode
    Map<String, Long> ids = new HashMap<>();
    for (List<LedgerEntry> chunk : JdbcBatches.chunks(entries, 1000)) {
      ids.putAll(
          batches.query(
              "SELECT idempotency_key, id FROM ledger_entry WHERE wallet_id = ? AND idempotency_key IN ("
                  + JdbcBatches.placeholders(chunk.size())
                  + ")",
              ps -> {
                ps.setLong(1, walletId);
                for (int i = 0; i < chunk.size(); i++) {
                  ps.setString(i + 2, chunk.get(i).idempotencyKey());
                }
              },
              rs -> Map.entry(rs.getString(1), rs.getLong(2))));
    }
    return ids;
  }

  @Override
  public void insertAllocations(List<LotAllocation> allocations) {
    batches.insertRows(
        "INSERT INTO lot_allocation (wallet_id, entry_id, lot_id, amount)",
        "",
        4,
        allocations,
        (v, a) -> v.add(a.walletId()).add(a.entryId()).add(a.lotId()).add(a.amount()));
  }

  @Override
  public Page<LedgerEntry> entries(long walletId, Instant from, Instant to, int page, int size) {
    String where = " WHERE e.walletId = :w AND e.occurredAt >= :from AND e.occurredAt < :to";
    List<LedgerEntry> items =
        em.createQuery(
                "SELECT e FROM LedgerEntry e" + where + " ORDER BY e.id DESC", LedgerEntry.class)
            .setParameter("w", walletId)
            .setParameter("from", from)
            .setParameter("to", to)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createQuery("SELECT COUNT(e) FROM LedgerEntry e" + where, Long.class)
            .setParameter("w", walletId)
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** The entries of these ids, in their order. */
  private List<LedgerEntry> byIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, LedgerEntry> byId =
        em.createQuery("SELECT e FROM LedgerEntry e WHERE e.id IN :ids", LedgerEntry.class)
            .setParameter("ids", ids)
            .getResultStream()
            .collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  @Override
  public List<LedgerEntry> entriesAround(
      long walletId, Instant from, Instant to, Long beforeId, Long afterId, int limit) {
    return byIds(reads.ids(walletId, from, to, beforeId, afterId, 0, limit));
  }

  @Override
  public List<LedgerEntry> entriesAt(
      long walletId, Instant from, Instant to, int offset, int limit) {
    return byIds(reads.ids(walletId, from, to, null, null, offset, limit));
  }

  @Override
  public boolean anyBeyond(long walletId, Instant from, Instant to, Long beforeId, Long afterId) {
    return !reads.ids(walletId, from, to, beforeId, afterId, 0, 1).isEmpty();
  }

  @Override
  public long countUpTo(long walletId, Instant from, Instant to, int cap) {
    return reads.countUpTo(walletId, from, to, cap);
  }

  @Override
  public Map<LocalDate, BigDecimal> closingBalances(
      long walletId, LocalDate from, LocalDate to, ZoneId zone) {
    return reads.closingBalances(walletId, from, to, zone);
  }

  /**
   * The whole UTC days inside the period from the daily charges (V39, written with the entries),
   * the partial days at either end from the ledger's covering index (V29): at most two days of
   * entries instead of the period's. Exact: both read the same committed entries.
   */
  @Override
  public BigDecimal chargedBetween(long walletId, Instant from, Instant to) {
    Instant firstWhole = from.truncatedTo(ChronoUnit.DAYS);
    if (firstWhole.isBefore(from)) {
      firstWhole = firstWhole.plus(1, ChronoUnit.DAYS);
    }
    Instant lastWhole = to.truncatedTo(ChronoUnit.DAYS);
    if (!firstWhole.isBefore(lastWhole)) {
      // less than a whole day: the entries alone
      firstWhole = to;
      lastWhole = to;
    }
    Object sum =
        em.createNativeQuery(
                "SELECT (SELECT COALESCE(SUM(d.charged), 0) FROM ledger_charge_daily d"
                    + " WHERE d.wallet_id = ? AND d.day >= ? AND d.day < ?)"
                    + " + (SELECT COALESCE(-SUM(e.amount), 0) FROM ledger_entry e"
                    + " WHERE e.wallet_id = ? AND e.entry_type = 'CHARGE'"
                    + " AND (e.occurred_at >= ? AND e.occurred_at < ?"
                    + " OR e.occurred_at >= ? AND e.occurred_at < ?))")
            .setParameter(1, walletId)
            .setParameter(2, java.sql.Date.valueOf(LocalDate.ofInstant(firstWhole, ZoneOffset.UTC)))
            .setParameter(3, java.sql.Date.valueOf(LocalDate.ofInstant(lastWhole, ZoneOffset.UTC)))
            .setParameter(4, walletId)
            .setParameter(5, UtcTimestamps.of(from))
            .setParameter(6, UtcTimestamps.of(firstWhole))
            .setParameter(7, UtcTimestamps.of(lastWhole))
            .setParameter(8, UtcTimestamps.of(to))
            .getSingleResult();
    return sum instanceof BigDecimal d ? d : new BigDecimal(sum.toString());
  }
}
