package com.commcredits.persistence;

import com.commcredits.audit.AuditEntry;
import com.commcredits.audit.AuditRepository;
import com.commcredits.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
class JpaAuditRepository implements AuditRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public void append(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public Page<AuditEntry> list(long organisationId, String action, int page, int size) {
    String where =
        " WHERE e.organisationId = :org" + (action == null ? "" : " AND e.action = :action");
    var query =
        em.createQuery(
                "SELECT e FROM AuditEntry e" + where + " ORDER BY e.occurredAt DESC, e.id DESC",
                AuditEntry.class)
            .setParameter("org", organisationId);
    var count =
        em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + where, Long.class)
            .setParameter("org", organisationId);
    if (action != null) {
      query.setParameter("action", action);
      count.setParameter("action", action);
    }
    return new Page<>(
        query.setFirstResult(page * size).setMaxResults(size).getResultList(),
        page,
        size,
        count.getSingleResult());
  }
}
