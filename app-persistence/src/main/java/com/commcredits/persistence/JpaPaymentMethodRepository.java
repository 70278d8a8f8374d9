package com.commcredits.persistence;

import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaPaymentMethodRepository implements PaymentMethodRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<PaymentMethod> find(long organisationId, long id) {
    return Optional.ofNullable(em.find(PaymentMethod.class, id))
        .filter(m -> m.organisationId() == organisationId);
  }

  @Override
  public List<PaymentMethod> listActive(long organisationId) {
    return em.createQuery(
            "SELECT m FROM PaymentMethod m WHERE m.organisationId = :org AND m.removedAt IS NULL "
                + "ORDER BY m.kind, m.id DESC",
            PaymentMethod.class)
        .setParameter("org", organisationId)
        .getResultList();
  }

  @Override
  public PaymentMethod add(PaymentMethod method) {
    em.persist(method);
    em.flush();
    return method;
  }

  @Override
  public void addBillingLine(EaBillingLine line) {
    em.persist(line);
  }

  @Override
  public List<EaBillingLine> billingLines(long organisationId) {
    return em.createQuery(
            "SELECT l FROM EaBillingLine l WHERE l.organisationId = :org ORDER BY l.occurredAt DESC",
            EaBillingLine.class)
        .setParameter("org", organisationId)
        .getResultList();
  }
}
