package com.commcredits.audit;

import com.commcredits.shared.Page;

/** Append-only store of audit entries: there is no update or delete. */
public interface AuditRepository {
  void append(AuditEntry entry);

  Page<AuditEntry> list(long organisationId, String action, int page, int size);
}
