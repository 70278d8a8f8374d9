package com.commcredits.persistence;

import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletInvariant;
import com.commcredits.wallet.WalletRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaWalletRepository implements WalletRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<Wallet> findForOrganisation(long organisationId) {
    return em.createQuery("SELECT w FROM Wallet w WHERE w.organisationId = :org", Wallet.class)
        .setParameter("org", organisationId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Long> organisationOf(long walletId) {
    return em.createQuery("SELECT w.organisationId FROM Wallet w WHERE w.id = :id", Long.class)
        .setParameter("id", walletId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public BigDecimal spendableBalance(long walletId, Instant at) {
    Object value =
        em.createNativeQuery(
                "SELECT w.balance - COALESCE((SELECT SUM(l.remaining) FROM funding_lot l "
                    + "WHERE l.wallet_id = w.id AND l.remaining > 0 AND l.expires_at <= ?), 0) "
                    + "FROM wallet w WHERE w.id = ?")
            .setParameter(1, UtcTimestamps.of(at))
            .setParameter(2, walletId)
            .getSingleResult();
    return (BigDecimal) value;
  }

  @Override
  public Optional<Wallet> lockForOrganisation(long organisationId) {
    return em.createQuery("SELECT w FROM Wallet w WHERE w.organisationId = :org", Wallet.class)
        .setParameter("org", organisationId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Wallet> lock(long walletId) {
    return Optional.ofNullable(em.find(Wallet.class, walletId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Wallet add(Wallet wallet) {
    em.persist(wallet);
    em.flush();
    return wallet;
  }

  @Override
  public WalletInvariant.Sums sums(long walletId) {
    Wallet wallet = em.find(Wallet.class, walletId);
    em.refresh(wallet);
    BigDecimal ledger =
        em.createQuery(
                "SELECT COALESCE(SUM(e.amount), 0) FROM LedgerEntry e WHERE e.walletId = :w",
                BigDecimal.class)
            .setParameter("w", walletId)
            .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> lotRows =
        em.createNativeQuery(
                "SELECT l.id, l.amount, l.remaining, "
                    + "(SELECT COALESCE(SUM(a.amount), 0) FROM lot_allocation a WHERE a.lot_id = l.id) "
                    + "FROM funding_lot l WHERE l.wallet_id = ?")
            .setParameter(1, walletId)
            .getResultList();
    List<WalletInvariant.LotCheck> lots = new ArrayList<>();
    BigDecimal remainders = BigDecimal.ZERO;
    for (Object[] row : lotRows) {
      BigDecimal remaining = (BigDecimal) row[2];
      remainders = remainders.add(remaining);
      lots.add(
          new WalletInvariant.LotCheck(
              ((Number) row[0]).longValue(), (BigDecimal) row[1], remaining, (BigDecimal) row[3]));
    }
    return new WalletInvariant.Sums(walletId, wallet.balance().amount(), ledger, remainders, lots);
  }

  @Override
  public List<Long> allWalletIds() {
    return em.createQuery("SELECT w.id FROM Wallet w ORDER BY w.id", Long.class).getResultList();
  }
}
