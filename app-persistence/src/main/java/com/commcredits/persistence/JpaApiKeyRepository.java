package com.commcredits.persistence;

import com.commcredits.access.ApiKey;
import com.commcredits.access.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaApiKeyRepository implements ApiKeyRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<ApiKey> find(long organisationId, long id) {
    return Optional.ofNullable(em.find(ApiKey.class, id))
        .filter(k -> k.organisationId() == organisationId);
  }

  @Override
  public Optional<ApiKey> findByHash(String keyHash) {
    return em.createQuery("SELECT k FROM ApiKey k WHERE k.keyHash = :hash", ApiKey.class)
        .setParameter("hash", keyHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApiKey> list(long organisationId) {
    return em.createQuery(
            "SELECT k FROM ApiKey k WHERE k.organisationId = :org ORDER BY k.revokedAt, k.createdAt DESC",
            ApiKey.class)
        .setParameter("org", organisationId)
        .getResultList();
  }

  @Override
  public ApiKey add(ApiKey key) {
    em.persist(key);
    em.flush();
    return key;
  }
}
