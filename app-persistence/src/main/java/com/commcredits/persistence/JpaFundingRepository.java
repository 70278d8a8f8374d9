package com.commcredits.persistence;

import com.commcredits.wallet.Funding;
import com.commcredits.wallet.FundingRepository;
import com.commcredits.wallet.FundingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaFundingRepository implements FundingRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<Funding> fundingByKey(long walletId, String idempotencyKey) {
    return em.createQuery(
            "SELECT f FROM Funding f WHERE f.walletId = :w AND f.idempotencyKey = :k",
            Funding.class)
        .setParameter("w", walletId)
        .setParameter("k", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Funding> findFunding(long fundingId) {
    return Optional.ofNullable(em.find(Funding.class, fundingId));
  }

  @Override
  public Optional<Funding> lockFunding(long fundingId) {
    return Optional.ofNullable(em.find(Funding.class, fundingId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Funding addFunding(Funding funding) {
    em.persist(funding);
    em.flush();
    return funding;
  }

  @Override
  public List<Long> pendingFundings(Instant requestedBefore) {
    return em.createQuery(
            "SELECT f.id FROM Funding f WHERE f.status = :s AND f.requestedAt < :t ORDER BY f.id",
            Long.class)
        .setParameter("s", FundingStatus.PENDING)
        .setParameter("t", requestedBefore)
        .getResultList();
  }

  @Override
  public List<Funding> recentFundings(long walletId, int limit) {
    return em.createQuery(
            "SELECT f FROM Funding f WHERE f.walletId = :w ORDER BY f.id DESC", Funding.class)
        .setParameter("w", walletId)
        .setMaxResults(limit)
        .getResultList();
  }
}
