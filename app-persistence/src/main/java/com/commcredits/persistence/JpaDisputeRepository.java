package com.commcredits.persistence;

import com.commcredits.dispute.CallDispute;
import com.commcredits.dispute.DisputeRepository;
import com.commcredits.dispute.DisputeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
class JpaDisputeRepository implements DisputeRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public CallDispute add(CallDispute dispute) {
    em.persist(dispute);
    em.flush();
    return dispute;
  }

  @Override
  public Optional<CallDispute> find(long id) {
    return Optional.ofNullable(em.find(CallDispute.class, id));
  }

  @Override
  public Optional<CallDispute> lock(long id) {
    CallDispute dispute = em.find(CallDispute.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (dispute != null) {
      em.refresh(dispute, LockModeType.PESSIMISTIC_WRITE);
    }
    return Optional.ofNullable(dispute);
  }

  @Override
  public List<CallDispute> forCall(long callRecordId) {
    return em.createQuery(
            "SELECT d FROM CallDispute d WHERE d.callRecordId = :c ORDER BY d.id DESC",
            CallDispute.class)
        .setParameter("c", callRecordId)
        .getResultList();
  }

  @Override
  public Map<String, CallDispute> latestForCalls(long organisationId, Collection<String> callIds) {
    Map<String, CallDispute> latest = new HashMap<>();
    em.createQuery(
            "SELECT d FROM CallDispute d WHERE d.organisationId = :o AND d.callId IN :c"
                + " ORDER BY d.id",
            CallDispute.class)
        .setParameter("o", organisationId)
        .setParameter("c", callIds)
        .getResultStream()
        .forEach(d -> latest.put(d.callId(), d));
    return latest;
  }

  @Override
  public List<CallDispute> list(Long organisationId, DisputeStatus status, int offset, int limit) {
    return where(
            "SELECT d FROM CallDispute d",
            organisationId,
            status,
            " ORDER BY d.id DESC",
            CallDispute.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(Long organisationId, DisputeStatus status) {
    return where("SELECT COUNT(d) FROM CallDispute d", organisationId, status, "", Long.class)
        .getSingleResult();
  }

  private <T> TypedQuery<T> where(
      String select, Long organisationId, DisputeStatus status, String order, Class<T> type) {
    StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
    if (organisationId != null) {
      jpql.append(" AND d.organisationId = :o");
    }
    if (status != null) {
      jpql.append(" AND d.status = :s");
    }
    TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
    if (organisationId != null) {
      query.setParameter("o", organisationId);
    }
    if (status != null) {
      query.setParameter("s", status);
    }
    return query;
  }
}
