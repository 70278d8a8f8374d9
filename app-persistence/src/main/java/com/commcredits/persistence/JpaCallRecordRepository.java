package com.commcredits.persistence;

import com.commcredits.rating.CallRecord;
import com.commcredits.rating.CallRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaCallRecordRepository implements CallRecordRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Map<String, CallRecord> existing(long organisationId, Collection<String> callIds) {
    if (callIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("SELECT c FROM CallRecord c WHERE c.organisationId = :org AND c.callId IN :ids",
            CallRecord.class).setParameter("org", organisationId).setParameter("ids", callIds).getResultStream()
        .collect(Collectors.toMap(CallRecord::callId, Function.identity()));
  }

  @Override
  public void add(CallRecord record) {
    em.persist(record);
  }
}
