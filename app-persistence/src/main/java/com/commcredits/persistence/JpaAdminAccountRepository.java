package com.commcredits.persistence;

import com.commcredits.access.AdminAccount;
import com.commcredits.access.AdminAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaAdminAccountRepository implements AdminAccountRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<AdminAccount> find(long organisationId, long id) {
    return Optional.ofNullable(em.find(AdminAccount.class, id))
        .filter(a -> a.organisationId() == organisationId);
  }

  @Override
  public Optional<AdminAccount> findById(long id) {
    return Optional.ofNullable(em.find(AdminAccount.class, id));
  }

  @Override
  public Optional<AdminAccount> findByEmailForUpdate(String email) {
    return em.createQuery("SELECT a FROM AdminAccount a WHERE a.email = :email", AdminAccount.class)
        .setParameter("email", email)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean emailExists(String email) {
    return em.createQuery("SELECT COUNT(a) FROM AdminAccount a WHERE a.email = :email", Long.class)
            .setParameter("email", email)
            .getSingleResult()
        > 0;
  }

  @Override
  public List<AdminAccount> list(long organisationId) {
    return em.createQuery(
            "SELECT a FROM AdminAccount a WHERE a.organisationId = :org ORDER BY a.displayName",
            AdminAccount.class)
        .setParameter("org", organisationId)
        .getResultList();
  }

  @Override
  public AdminAccount add(AdminAccount account) {
    em.persist(account);
    em.flush();
    return account;
  }
}
