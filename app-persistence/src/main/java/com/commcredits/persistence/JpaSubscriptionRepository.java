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
    return em.createQuery("SELECT s FROM Subscription s WHERE s.organisationId = :org ORDER BY s.id",
        Subscription.class).setParameter("org", organisationId).getResultList();
  }

  @Override
  public Subscription add(Subscription subscription) {
    em.persist(subscription);
    em.flush();
    return subscription;
  }
}
