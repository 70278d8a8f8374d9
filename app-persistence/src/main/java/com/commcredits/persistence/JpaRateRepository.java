package com.commcredits.persistence;

import com.commcredits.rating.Rate;
import com.commcredits.rating.RateCard;
import com.commcredits.rating.RateLine;
import com.commcredits.rating.RatePlan;
import com.commcredits.rating.RateRepository;
import com.commcredits.shared.AfterCompletion;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rating reads a currency's plan on every call, so plans are kept for a minute. Replacing a card
 * forgets its plan on this server at once (after the commit, so no one caches the old lines again);
 * other servers sharing the database use the new lines within the minute.
 */
@ApplicationScoped
class JpaRateRepository implements RateRepository {
  private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Inject JdbcBatches batches;
  @Resource TransactionSynchronizationRegistry transactions;

  private record Kept(RatePlan plan, long loadedAt) {}

  private final Map<String, Kept> plans = new ConcurrentHashMap<>();

  @Override
  public RatePlan plan(String currency) {
    Kept kept = plans.get(currency);
    if (kept == null || System.nanoTime() - kept.loadedAt() > KEEP_NANOS) {
      kept = new Kept(new RatePlan(lines(currency)), System.nanoTime());
      plans.put(currency, kept);
    }
    return kept.plan();
  }

  private List<Rate> lines(String currency) {
    return em.createQuery(
            "SELECT r FROM Rate r WHERE r.rateCardId = (SELECT k.id FROM RateCardRow k "
                + "WHERE k.currency = :c) ORDER BY r.kind, r.prefix, r.effectiveFrom",
            Rate.class)
        .setParameter("c", currency)
        .getResultList();
  }

  @Override
  public Optional<RateCard> card(String currency) {
    return em.createQuery("SELECT k FROM RateCardRow k WHERE k.currency = :c", RateCardRow.class)
        .setParameter("c", currency)
        .getResultStream()
        .findFirst()
        .map(
            k ->
                new RateCard(
                    k.id(),
                    k.currency(),
                    k.name(),
                    k.publishedAt(),
                    lines(currency).stream().map(RateLine::of).toList()));
  }

  @Override
  public void lockCard(long cardId) {
    em.createNativeQuery("SELECT id FROM rate_card WHERE id = ? FOR UPDATE")
        .setParameter(1, cardId)
        .getResultList();
  }

  @Override
  public void replace(long cardId, List<RateLine> lines, Instant publishedAt) {
    em.createNativeQuery("DELETE FROM rate WHERE rate_card_id = ?")
        .setParameter(1, cardId)
        .executeUpdate();
    em.flush();
    batches.insert(
        "INSERT INTO rate (rate_card_id, call_kind, prefix, description, per_minute, connection_fee, "
            + "increment_seconds, minimum_seconds, effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        lines,
        (ps, l) -> {
          ps.setLong(1, cardId);
          ps.setString(2, l.kind().name());
          ps.setString(3, l.prefix());
          ps.setString(4, l.description());
          ps.setBigDecimal(5, l.perMinute());
          ps.setBigDecimal(6, l.connectionFee());
          ps.setInt(7, l.incrementSeconds());
          ps.setInt(8, l.minimumSeconds());
          ps.setDate(9, Date.valueOf(l.effectiveFrom()));
          ps.setDate(10, l.effectiveTo() == null ? null : Date.valueOf(l.effectiveTo()));
        });
    em.createNativeQuery("UPDATE rate_card SET published_at = ? WHERE id = ?")
        .setParameter(1, UtcTimestamps.of(publishedAt))
        .setParameter(2, cardId)
        .executeUpdate();
    transactions.registerInterposedSynchronization(AfterCompletion.of(status -> plans.clear()));
  }

  @Override
  public Optional<Long> tollFreeOwner(String number) {
    @SuppressWarnings("unchecked")
    List<Object> owners =
        em.createNativeQuery("SELECT organisation_id FROM toll_free_number WHERE number = ?")
            .setParameter(1, number)
            .getResultList();
    return owners.stream().findFirst().map(o -> ((Number) o).longValue());
  }

  @Override
  public void addTollFree(long organisationId, String number, Instant at) {
    em.createNativeQuery(
            "INSERT INTO toll_free_number (organisation_id, number, created_at) VALUES (?, ?, ?)")
        .setParameter(1, organisationId)
        .setParameter(2, number)
        .setParameter(3, UtcTimestamps.of(at))
        .executeUpdate();
  }
}
