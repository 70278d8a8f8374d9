package com.commcredits.persistence;

import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
class JpaOrganisationRepository implements OrganisationRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Optional<Organisation> find(long id) {
    return Optional.ofNullable(em.find(Organisation.class, id));
  }

  @Override
  public Optional<Organisation> lock(long id) {
    return Optional.ofNullable(em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<Organisation> findByName(String name) {
    return em.createQuery("SELECT o FROM Organisation o WHERE o.name = :name", Organisation.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Organisation> findAll() {
    return em.createQuery("SELECT o FROM Organisation o ORDER BY o.name", Organisation.class)
        .getResultList();
  }

  @Override
  public List<Organisation> search(String nameContains, int limit) {
    String pattern =
        "%"
            + nameContains
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return em.createQuery(
            "SELECT o FROM Organisation o WHERE LOWER(o.name) LIKE :q ORDER BY o.name",
            Organisation.class)
        .setParameter("q", pattern)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Organisation add(Organisation organisation) {
    em.persist(organisation);
    em.flush();
    return organisation;
  }
}
