package com.commcredits.persistence;

import com.commcredits.payment.EaAgreement;
import com.commcredits.payment.EaBillingLine;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
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

  @Override
  public BigDecimal billedOn(long organisationId, String eaNumber, Instant from, Instant to) {
    BigDecimal sum =
        em.createQuery(
                "SELECT SUM(l.amount) FROM EaBillingLine l WHERE l.organisationId = :org "
                    + "AND l.eaNumber = :ea AND l.occurredAt >= :from AND l.occurredAt < :to",
                BigDecimal.class)
            .setParameter("org", organisationId)
            .setParameter("ea", eaNumber)
            .setParameter("from", from)
            .setParameter("to", to)
            .getSingleResult();
    return sum == null ? BigDecimal.ZERO : sum;
  }

  @Override
  public Optional<EaAgreement> agreement(long organisationId, String eaNumber) {
    return em.createQuery(
            "SELECT a FROM EaAgreement a WHERE a.organisationId = :org AND a.eaNumber = :ea",
            EaAgreement.class)
        .setParameter("org", organisationId)
        .setParameter("ea", eaNumber)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<EaAgreement> agreements(long organisationId) {
    return em.createQuery(
            "SELECT a FROM EaAgreement a WHERE a.organisationId = :org ORDER BY a.eaNumber",
            EaAgreement.class)
        .setParameter("org", organisationId)
        .getResultList();
  }

  @Override
  public EaAgreement addAgreement(EaAgreement agreement) {
    em.persist(agreement);
    em.flush();
    return agreement;
  }
}
