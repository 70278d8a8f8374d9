package com.commcredits.persistence;

import com.commcredits.licensing.LicenceAssignment;
import com.commcredits.licensing.LicenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
class JpaLicenceRepository implements LicenceRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Map<Long, Set<String>> activeSkus(long organisationId, List<Long> userIds) {
    Map<Long, Set<String>> result = new HashMap<>();
    if (userIds.isEmpty()) {
      return result;
    }
    for (LicenceAssignment a :
        em.createQuery(
                "SELECT a FROM LicenceAssignment a WHERE a.organisationId = :org "
                    + "AND a.userId IN :users AND a.removedAt IS NULL",
                LicenceAssignment.class)
            .setParameter("org", organisationId)
            .setParameter("users", userIds)
            .getResultList()) {
      result.computeIfAbsent(a.userId(), k -> new HashSet<>()).add(a.sku());
    }
    return result;
  }

  @Override
  public Optional<LicenceAssignment> active(long userId, String sku) {
    return em.createQuery(
            "SELECT a FROM LicenceAssignment a WHERE a.userId = :u AND a.sku = :s AND a.removedAt IS NULL",
            LicenceAssignment.class)
        .setParameter("u", userId)
        .setParameter("s", sku)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Map<String, Long> assignedCounts(long organisationId) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT a.sku, COUNT(a) FROM LicenceAssignment a WHERE a.organisationId = :org "
                    + "AND a.removedAt IS NULL GROUP BY a.sku",
                Object[].class)
            .setParameter("org", organisationId)
            .getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  @Override
  public long assignedCount(long organisationId, String sku) {
    return em.createQuery(
            "SELECT COUNT(a) FROM LicenceAssignment a WHERE a.organisationId = :org AND a.sku = :s "
                + "AND a.removedAt IS NULL",
            Long.class)
        .setParameter("org", organisationId)
        .setParameter("s", sku)
        .getSingleResult();
  }

  @Override
  public boolean hasAnyActive(long userId) {
    return em.createQuery(
                "SELECT COUNT(a) FROM LicenceAssignment a WHERE a.userId = :u AND a.removedAt IS NULL",
                Long.class)
            .setParameter("u", userId)
            .getSingleResult()
        > 0;
  }

  @Override
  public LicenceAssignment add(LicenceAssignment assignment) {
    em.persist(assignment);
    em.flush();
    return assignment;
  }

  @Override
  public void backdateAssignments(long organisationId, Instant assignedAt) {
    em.createNativeQuery("UPDATE licence_assignment SET assigned_at = ? WHERE organisation_id = ?")
        .setParameter(1, UtcTimestamps.of(assignedAt))
        .setParameter(2, organisationId)
        .executeUpdate();
  }
}
