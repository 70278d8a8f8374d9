package com.commcredits.persistence;

import com.commcredits.notification.Notification;
import com.commcredits.notification.NotificationRepository;
import com.commcredits.notification.NotificationStatus;
import com.commcredits.shared.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaNotificationRepository implements NotificationRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public boolean addIfNew(Notification notification) {
    long existing =
        em.createQuery(
                "SELECT COUNT(n) FROM Notification n WHERE n.organisationId = :org "
                    + "AND n.dedupeKey = :key",
                Long.class)
            .setParameter("org", notification.organisationId())
            .setParameter("key", notification.dedupeKey())
            .getSingleResult();
    if (existing > 0) {
      return false;
    }
    em.persist(notification);
    return true;
  }

  @Override
  public List<Long> due(Instant at, int limit) {
    return em.createQuery(
            "SELECT n.id FROM Notification n WHERE n.status = :s AND n.nextAttemptAt <= :at "
                + "ORDER BY n.id",
            Long.class)
        .setParameter("s", NotificationStatus.QUEUED)
        .setParameter("at", at)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<Notification> claim(long id) {
    // SKIP LOCKED: a second server sending at the same moment moves on instead of waiting or
    // sending twice
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery("SELECT id FROM notification WHERE id = ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, id)
            .getResultList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    Notification n = em.find(Notification.class, id);
    em.refresh(n);
    return Optional.of(n);
  }

  @Override
  public Page<Notification> list(long organisationId, int page, int size) {
    List<Notification> items =
        em.createQuery(
                "SELECT n FROM Notification n WHERE n.organisationId = :org "
                    + "ORDER BY n.id DESC",
                Notification.class)
            .setParameter("org", organisationId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createQuery(
                "SELECT COUNT(n) FROM Notification n WHERE n.organisationId = :org", Long.class)
            .setParameter("org", organisationId)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> contacts(long organisationId) {
    return em.createNativeQuery(
            "SELECT email FROM billing_contact WHERE organisation_id = ? ORDER BY email")
        .setParameter(1, organisationId)
        .getResultList();
  }

  @Override
  public void replaceContacts(long organisationId, List<String> emails, Instant at) {
    em.createNativeQuery("DELETE FROM billing_contact WHERE organisation_id = ?")
        .setParameter(1, organisationId)
        .executeUpdate();
    for (String email : emails) {
      em.createNativeQuery(
              "INSERT INTO billing_contact (organisation_id, email, created_at) VALUES (?, ?, ?)")
          .setParameter(1, organisationId)
          .setParameter(2, email)
          .setParameter(3, UtcTimestamps.of(at))
          .executeUpdate();
    }
  }

  @Override
  public Backlog backlog() {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(n), MIN(n.createdAt) FROM Notification n WHERE n.status = :s",
                Object[].class)
            .setParameter("s", NotificationStatus.QUEUED)
            .getSingleResult();
    return new Backlog(((Number) row[0]).longValue(), Optional.ofNullable((Instant) row[1]));
  }
}
