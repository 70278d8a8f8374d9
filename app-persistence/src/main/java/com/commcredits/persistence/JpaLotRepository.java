package com.commcredits.persistence;

import com.commcredits.wallet.FundingLot;
import com.commcredits.wallet.LotRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaLotRepository implements LotRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public List<FundingLot> openLots(long walletId) {
    return em.createQuery(
            "SELECT l FROM FundingLot l WHERE l.walletId = :w AND l.remaining > 0 "
                + "ORDER BY l.expiresAt, l.purchasedAt, l.id",
            FundingLot.class)
        .setParameter("w", walletId)
        .getResultList();
  }

  @Override
  public List<FundingLot> dueLots(long walletId, Instant at) {
    return em.createQuery(
            "SELECT l FROM FundingLot l WHERE l.walletId = :w AND l.remaining > 0 "
                + "AND l.expiresAt <= :at ORDER BY l.expiresAt, l.purchasedAt, l.id",
            FundingLot.class)
        .setParameter("w", walletId)
        .setParameter("at", at)
        .getResultList();
  }

  @Override
  public List<FundingLot> lots(long walletId) {
    return em.createQuery(
            "SELECT l FROM FundingLot l WHERE l.walletId = :w ORDER BY l.purchasedAt DESC, l.id DESC",
            FundingLot.class)
        .setParameter("w", walletId)
        .getResultList();
  }

  @Override
  public Map<Long, FundingLot> lotsById(long walletId, List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT l FROM FundingLot l WHERE l.walletId = :w AND l.id IN :ids", FundingLot.class)
        .setParameter("w", walletId)
        .setParameter("ids", ids)
        .getResultStream()
        .collect(Collectors.toMap(FundingLot::id, Function.identity()));
  }

  @Override
  public List<FundingLot> lotsExpiringBetween(Instant from, Instant to) {
    return em.createQuery(
            "SELECT l FROM FundingLot l WHERE l.remaining > 0 AND l.expiresAt > :from "
                + "AND l.expiresAt <= :to ORDER BY l.expiresAt",
            FundingLot.class)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  @Override
  public List<Long> walletsWithLotsDue(Instant at) {
    return em.createQuery(
            "SELECT DISTINCT l.walletId FROM FundingLot l WHERE l.remaining > 0 AND l.expiresAt <= :at",
            Long.class)
        .setParameter("at", at)
        .getResultList();
  }
}
