package com.commcredits.persistence;

import com.commcredits.wallet.BillingDocument;
import com.commcredits.wallet.BillingDocumentRepository;
import com.commcredits.wallet.DocumentKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class JpaBillingDocumentRepository implements BillingDocumentRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public long nextNumber(long organisationId, DocumentKind kind) {
    // the caller holds the organisation's lock, so a missing row cannot be inserted twice
    List<?> current =
        em.createNativeQuery(
                "SELECT last_number FROM document_counter"
                    + " WHERE organisation_id = ? AND kind = ? FOR UPDATE")
            .setParameter(1, organisationId)
            .setParameter(2, kind.name())
            .getResultList();
    if (current.isEmpty()) {
      em.createNativeQuery(
              "INSERT INTO document_counter (organisation_id, kind, last_number) VALUES (?, ?, 1)")
          .setParameter(1, organisationId)
          .setParameter(2, kind.name())
          .executeUpdate();
      return 1;
    }
    long next = ((Number) current.get(0)).longValue() + 1;
    em.createNativeQuery(
            "UPDATE document_counter SET last_number = ? WHERE organisation_id = ? AND kind = ?")
        .setParameter(1, next)
        .setParameter(2, organisationId)
        .setParameter(3, kind.name())
        .executeUpdate();
    return next;
  }

  @Override
  public BillingDocument add(BillingDocument document) {
    em.persist(document);
    em.flush();
    return document;
  }

  @Override
  public Optional<BillingDocument> find(long id) {
    return Optional.ofNullable(em.find(BillingDocument.class, id));
  }

  @Override
  public Optional<BillingDocument> receiptOf(long fundingId) {
    return em.createQuery(
            "SELECT d FROM BillingDocument d WHERE d.fundingId = :f", BillingDocument.class)
        .setParameter("f", fundingId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Map<Long, BillingDocument> receiptsOf(Collection<Long> fundingIds) {
    if (fundingIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "SELECT d FROM BillingDocument d WHERE d.fundingId IN :f", BillingDocument.class)
        .setParameter("f", fundingIds)
        .getResultStream()
        .collect(Collectors.toMap(BillingDocument::fundingId, Function.identity()));
  }

  @Override
  public List<BillingDocument> documents(long organisationId, DocumentKind kind) {
    return em.createQuery(
            "SELECT d FROM BillingDocument d WHERE d.organisationId = :o AND d.kind = :k"
                + " ORDER BY d.number",
            BillingDocument.class)
        .setParameter("o", organisationId)
        .setParameter("k", kind)
        .getResultList();
  }
}
