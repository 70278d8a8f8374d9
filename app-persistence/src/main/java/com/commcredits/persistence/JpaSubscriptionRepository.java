package com.commcredits.persistence;

import com.commcredits.subscription.Subscription;
import com.commcredits.subscription.SubscriptionCharge;
import com.commcredits.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class JpaSubscriptionRepository implements SubscriptionRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public List<Subscription> list(long organisationId) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.organisationId = :org ORDER BY s.id",
            Subscription.class)
        .setParameter("org", organisationId)
        .getResultList();
  }

  @Override
  public Optional<Subscription> find(long organisationId, long id) {
    return Optional.ofNullable(em.find(Subscription.class, id))
        .filter(s -> s.organisationId() == organisationId);
  }

  @Override
  public Map<String, Long> purchasedCounts(long organisationId) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT s.sku, SUM(s.quantity) FROM Subscription s WHERE s.organisationId = :org "
                    + "AND s.status = com.commcredits.subscription.SubscriptionStatus.ACTIVE GROUP BY s.sku",
                Object[].class)
            .setParameter("org", organisationId)
            .getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  @Override
  public long lockPurchased(long organisationId, String sku) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.organisationId = :org AND s.sku = :sku "
                + "AND s.status = com.commcredits.subscription.SubscriptionStatus.ACTIVE",
            Subscription.class)
        .setParameter("org", organisationId)
        .setParameter("sku", sku)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .mapToLong(Subscription::quantity)
        .sum();
  }

  @Override
  public Subscription add(Subscription subscription) {
    em.persist(subscription);
    em.flush();
    return subscription;
  }

  @Override
  public Optional<SubscriptionCharge> chargeByKey(long organisationId, String requestKey) {
    return em.createQuery(
            "SELECT c FROM SubscriptionCharge c WHERE c.organisationId = :org "
                + "AND c.requestKey = :key",
            SubscriptionCharge.class)
        .setParameter("org", organisationId)
        .setParameter("key", requestKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public SubscriptionCharge addCharge(SubscriptionCharge charge) {
    em.persist(charge);
    em.flush();
    return charge;
  }
}
