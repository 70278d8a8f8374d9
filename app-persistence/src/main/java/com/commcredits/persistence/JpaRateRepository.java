package com.commcredits.persistence;

import com.commcredits.rating.Rate;
import com.commcredits.rating.RatePlan;
import com.commcredits.rating.RateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rate plans are read once per currency and kept: cards change only by migration for now. */
@ApplicationScoped
class JpaRateRepository implements RateRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  private final Map<String, RatePlan> plans = new ConcurrentHashMap<>();

  @Override
  public RatePlan plan(String currency) {
    return plans.computeIfAbsent(currency, c -> new RatePlan(em.createQuery(
        "SELECT r FROM Rate r WHERE r.rateCardId = (SELECT k.id FROM RateCardRow k WHERE k.currency = :c)", Rate.class)
        .setParameter("c", c).getResultList()));
  }

  @Override
  public Optional<Long> tollFreeOwner(String number) {
    @SuppressWarnings("unchecked")
    List<Object> owners = em.createNativeQuery("SELECT organisation_id FROM toll_free_number WHERE number = ?")
        .setParameter(1, number).getResultList();
    return owners.stream().findFirst().map(o -> ((Number) o).longValue());
  }

  @Override
  public void addTollFree(long organisationId, String number, java.time.Instant at) {
    em.createNativeQuery("INSERT INTO toll_free_number (organisation_id, number, created_at) VALUES (?, ?, ?)")
        .setParameter(1, organisationId).setParameter(2, number).setParameter(3, UtcTimestamps.of(at)).executeUpdate();
  }
}
