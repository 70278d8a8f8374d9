package com.commcredits.persistence;

import com.commcredits.recharge.AutoRecharge;
import com.commcredits.recharge.RechargeAttempt;
import com.commcredits.recharge.RechargeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class JpaRechargeRepository implements RechargeRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<AutoRecharge> settings(long walletId) {
    return Optional.ofNullable(em.find(AutoRecharge.class, walletId));
  }

  @Override
  public Optional<AutoRecharge> lockSettings(long walletId) {
    return Optional.ofNullable(
        em.find(AutoRecharge.class, walletId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public AutoRecharge add(AutoRecharge settings) {
    em.persist(settings);
    return settings;
  }

  @Override
  public boolean hasAttemptInFlight(long walletId) {
    return em.createQuery(
                "SELECT COUNT(a) FROM RechargeAttempt a WHERE a.walletId = :w AND a.inFlight = 1",
                Long.class)
            .setParameter("w", walletId)
            .getSingleResult()
        > 0;
  }

  @Override
  public long attemptsSince(long walletId, Instant since) {
    return em.createQuery(
            "SELECT COUNT(a) FROM RechargeAttempt a WHERE a.walletId = :w AND a.createdAt > :t",
            Long.class)
        .setParameter("w", walletId)
        .setParameter("t", since)
        .getSingleResult();
  }

  @Override
  public java.math.BigDecimal rechargedSince(long walletId, Instant since) {
    java.math.BigDecimal sum =
        em.createQuery(
                "SELECT SUM(a.amount) FROM RechargeAttempt a WHERE a.walletId = :w "
                    + "AND a.createdAt > :t AND a.status IN ('SUCCEEDED', 'PENDING', 'PROCESSING')",
                java.math.BigDecimal.class)
            .setParameter("w", walletId)
            .setParameter("t", since)
            .getSingleResult();
    return sum == null ? java.math.BigDecimal.ZERO : sum;
  }

  @Override
  public Optional<RechargeAttempt> lastFinished(long walletId) {
    return em.createQuery(
            "SELECT a FROM RechargeAttempt a WHERE a.walletId = :w AND a.finishedAt IS NOT NULL "
                + "ORDER BY a.id DESC",
            RechargeAttempt.class)
        .setParameter("w", walletId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public RechargeAttempt add(RechargeAttempt attempt) {
    em.persist(attempt);
    em.flush();
    return attempt;
  }

  @Override
  public Optional<Long> walletOfAttempt(long attemptId) {
    return em.createQuery("SELECT a.walletId FROM RechargeAttempt a WHERE a.id = :id", Long.class)
        .setParameter("id", attemptId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<RechargeAttempt> lockAttempt(long id) {
    return Optional.ofNullable(em.find(RechargeAttempt.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public List<Long> stalledAttempts(Instant createdBefore) {
    return em.createQuery(
            "SELECT a.id FROM RechargeAttempt a WHERE a.inFlight = 1 AND a.createdAt < :t ORDER BY a.id",
            Long.class)
        .setParameter("t", createdBefore)
        .getResultList();
  }

  @Override
  public List<Long> walletsBelowTrigger() {
    return em.createQuery(
            "SELECT r.walletId FROM AutoRecharge r, Wallet w WHERE w.id = r.walletId AND r.enabled = true "
                + "AND r.suspendedAt IS NULL AND w.balance < r.triggerBelow",
            Long.class)
        .getResultList();
  }

  @Override
  public List<RechargeAttempt> recent(long walletId, int limit) {
    return em.createQuery(
            "SELECT a FROM RechargeAttempt a WHERE a.walletId = :w ORDER BY a.id DESC",
            RechargeAttempt.class)
        .setParameter("w", walletId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Map<RechargeAttempt.Status, Long> countsByStatus() {
    Map<RechargeAttempt.Status, Long> counts = new EnumMap<>(RechargeAttempt.Status.class);
    for (RechargeAttempt.Status status : RechargeAttempt.Status.values()) {
      counts.put(status, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT status, COUNT(*) FROM recharge_attempt GROUP BY status")
            .getResultList();
    for (Object[] row : rows) {
      counts.put(RechargeAttempt.Status.valueOf((String) row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
