package com.commcredits.audit;

import com.commcredits.shared.Caller;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Writes audit entries inside the caller's transaction, and reads them for Settings > Audit log.
 */
@Stateless
public class AuditLog {
  @Inject AuditRepository entries;
  @Inject Clock clock;

  public void record(
      Caller actor,
      AuditAction action,
      String targetType,
      Object targetId,
      String summary,
      String before,
      String after) {
    entries.append(
        new AuditEntry(
            actor,
            clock.instant(),
            action,
            targetType,
            targetId == null ? null : String.valueOf(targetId),
            summary,
            before,
            after));
  }

  public Page<AuditEntry> list(Caller caller, String action, int page, int size) {
    caller.require(Permission.MANAGE_SETTINGS);
    Page.validate(page, size, 200);
    return entries.list(
        caller.organisationId(), action == null || action.isBlank() ? null : action, page, size);
  }
}
