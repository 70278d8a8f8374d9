package com.commcredits.persistence;

import com.commcredits.subscription.Subscription;
import com.commcredits.subscription.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

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
  public java.util.Optional<Subscription> find(long organisationId, long id) {
    return java.util.Optional.ofNullable(em.find(Subscription.class, id))
        .filter(s -> s.organisationId() == organisationId);
  }

  @Override
  public java.util.Map<String, Long> purchasedCounts(long organisationId) {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
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
        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
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
}
