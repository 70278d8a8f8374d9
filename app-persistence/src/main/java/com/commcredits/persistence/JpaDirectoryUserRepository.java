package com.commcredits.persistence;

import com.commcredits.directory.DirectoryUser;
import com.commcredits.directory.DirectoryUserRepository;
import com.commcredits.directory.UserSort;
import com.commcredits.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaDirectoryUserRepository implements DirectoryUserRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public Page<DirectoryUser> search(
      long organisationId, String query, UserSort sort, int page, int size) {
    String where =
        " WHERE u.organisationId = :org"
            + (query.isEmpty() ? "" : " AND (LOWER(u.displayName) LIKE :q OR u.upn LIKE :q)");
    // the attribute comes from the enum, never from the request
    String order =
        " ORDER BY u." + sort.attribute() + (sort.descending() ? " DESC" : "") + ", u.id";
    var select =
        em.createQuery("SELECT u FROM DirectoryUser u" + where + order, DirectoryUser.class)
            .setParameter("org", organisationId);
    var count =
        em.createQuery("SELECT COUNT(u) FROM DirectoryUser u" + where, Long.class)
            .setParameter("org", organisationId);
    if (!query.isEmpty()) {
      String like =
          "%"
              + query
                  .toLowerCase(Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      select.setParameter("q", like);
      count.setParameter("q", like);
    }
    return new Page<>(
        select.setFirstResult(page * size).setMaxResults(size).getResultList(),
        page,
        size,
        count.getSingleResult());
  }

  @Override
  public Optional<DirectoryUser> findByUpn(long organisationId, String upn) {
    return em.createQuery(
            "SELECT u FROM DirectoryUser u WHERE u.organisationId = :org AND u.upn = :upn",
            DirectoryUser.class)
        .setParameter("org", organisationId)
        .setParameter("upn", upn)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Map<String, DirectoryUser> findByUpns(long organisationId, Collection<String> upns) {
    if (upns.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT u FROM DirectoryUser u WHERE u.organisationId = :org AND u.upn IN :upns",
            DirectoryUser.class)
        .setParameter("org", organisationId)
        .setParameter("upns", upns)
        .getResultStream()
        .collect(Collectors.toMap(DirectoryUser::upn, u -> u));
  }

  @Override
  public void remove(DirectoryUser user) {
    em.remove(em.contains(user) ? user : em.merge(user));
  }

  @Override
  public DirectoryUser add(DirectoryUser user) {
    em.persist(user);
    em.flush();
    return user;
  }
}
