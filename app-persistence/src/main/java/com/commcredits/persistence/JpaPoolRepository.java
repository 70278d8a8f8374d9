package com.commcredits.persistence;

import com.commcredits.catalog.PoolKind;
import com.commcredits.pools.PoolKey;
import com.commcredits.pools.PoolRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
class JpaPoolRepository implements PoolRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Map<PoolKey, Long> capacities(long organisationId, Instant at) {
    Timestamp t = UtcTimestamps.of(at);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT u.usage_location, a.pool_kind, SUM(a.minutes) FROM licence_assignment la "
                    + "JOIN directory_user u ON u.id = la.user_id "
                    + "JOIN product_allotment a ON a.sku = la.sku AND (a.country IS NULL OR a.country = u.usage_location) "
                    + "WHERE la.organisation_id = ? AND la.assigned_at <= ? AND (la.removed_at IS NULL OR la.removed_at > ?) "
                    + "GROUP BY u.usage_location, a.pool_kind")
            .setParameter(1, organisationId)
            .setParameter(2, t)
            .setParameter(3, t)
            .getResultList();
    Map<PoolKey, Long> capacity = new HashMap<>();
    for (Object[] row : rows) {
      capacity.put(
          new PoolKey((String) row[0], PoolKind.valueOf((String) row[1])),
          ((Number) row[2]).longValue());
    }
    return capacity;
  }

  @Override
  public Map<PoolKey, Long> used(long organisationId, YearMonth month) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT country, pool_kind, used_minutes FROM pool_usage "
                    + "WHERE organisation_id = ? AND month = ?")
            .setParameter(1, organisationId)
            .setParameter(2, month.toString())
            .getResultList();
    Map<PoolKey, Long> used = new HashMap<>();
    for (Object[] row : rows) {
      used.put(
          new PoolKey((String) row[0], PoolKind.valueOf((String) row[1])),
          ((Number) row[2]).longValue());
    }
    return used;
  }

  @Override
  public long lockUsed(long organisationId, PoolKey pool, YearMonth month) {
    // takes the row's exclusive lock at once (INSERT IGNORE would take a shared one first: two
    // callers
    // holding it then deadlock upgrading to FOR UPDATE)
    em.createNativeQuery(
            "INSERT INTO pool_usage (organisation_id, country, pool_kind, month, used_minutes) "
                + "VALUES (?, ?, ?, ?, 0) ON DUPLICATE KEY UPDATE used_minutes = used_minutes")
        .setParameter(1, organisationId)
        .setParameter(2, pool.country())
        .setParameter(3, pool.kind().name())
        .setParameter(4, month.toString())
        .executeUpdate();
    Object used =
        em.createNativeQuery(
                "SELECT used_minutes FROM pool_usage WHERE organisation_id = ? AND country = ? "
                    + "AND pool_kind = ? AND month = ? FOR UPDATE")
            .setParameter(1, organisationId)
            .setParameter(2, pool.country())
            .setParameter(3, pool.kind().name())
            .setParameter(4, month.toString())
            .getSingleResult();
    return ((Number) used).longValue();
  }

  @Override
  public void addUsed(long organisationId, PoolKey pool, YearMonth month, long minutes) {
    em.createNativeQuery(
            "UPDATE pool_usage SET used_minutes = used_minutes + ? WHERE organisation_id = ? "
                + "AND country = ? AND pool_kind = ? AND month = ?")
        .setParameter(1, minutes)
        .setParameter(2, organisationId)
        .setParameter(3, pool.country())
        .setParameter(4, pool.kind().name())
        .setParameter(5, month.toString())
        .executeUpdate();
  }
}
