package com.commcredits.wallet;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Receipts and credit notes, and the per-organisation counters that number them. */
public interface BillingDocumentRepository {
  /**
   * The next number of the organisation's sequence of this kind: the counter row is created when
   * missing, locked FOR UPDATE (last in the lock order) and advanced, so the number is given back
   * if the transaction rolls back.
   */
  long nextNumber(long organisationId, DocumentKind kind);

  BillingDocument add(BillingDocument document);

  Optional<BillingDocument> find(long id);

  Optional<BillingDocument> receiptOf(long fundingId);

  /** The receipts of these fundings, by funding id. */
  Map<Long, BillingDocument> receiptsOf(Collection<Long> fundingIds);

  /** The organisation's documents of a kind, by number. */
  List<BillingDocument> documents(long organisationId, DocumentKind kind);
}
