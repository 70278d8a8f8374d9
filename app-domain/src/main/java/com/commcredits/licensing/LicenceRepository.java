package com.commcredits.licensing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Licence assignments and the counts the purchase limit needs. */
public interface LicenceRepository {
  /** Active SKUs per user id, for the given users. */
  Map<Long, Set<String>> activeSkus(long organisationId, List<Long> userIds);

  Optional<LicenceAssignment> active(long userId, String sku);

  /** Active assignments per SKU in the organisation. */
  Map<String, Long> assignedCounts(long organisationId);

  long assignedCount(long organisationId, String sku);

  boolean hasAnyActive(long userId);

  LicenceAssignment add(LicenceAssignment assignment);

  /** Sets when every licence of the organisation was assigned (demo history only). */
  void backdateAssignments(long organisationId, Instant assignedAt);
}
