package com.commcredits.persistence;

import com.commcredits.recharge.RunwayAlertRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaRunwayAlertRepository implements RunwayAlertRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<State> find(long walletId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT threshold_days, below FROM runway_alert WHERE wallet_id = ? FOR UPDATE")
            .setParameter(1, walletId)
            .getResultList();
    return rows.stream().findFirst().map(r -> new State(((Number) r[0]).intValue(), truth(r[1])));
  }

  @Override
  public void save(long walletId, State state, Instant at) {
    em.createNativeQuery(
            "INSERT INTO runway_alert (wallet_id, threshold_days, below, updated_at) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE threshold_days = VALUES(threshold_days),"
                + " below = VALUES(below), updated_at = VALUES(updated_at)")
        .setParameter(1, walletId)
        .setParameter(2, state.thresholdDays())
        .setParameter(3, state.below())
        .setParameter(4, UtcTimestamps.of(at))
        .executeUpdate();
  }

  private static boolean truth(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }
}
