package com.commcredits.dispute;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Disputes of rated calls. */
public interface DisputeRepository {
  CallDispute add(CallDispute dispute);

  Optional<CallDispute> find(long id);

  /** Locks the dispute's row; taken after its organisation's and wallet's (lock order). */
  Optional<CallDispute> lock(long id);

  /** The call's disputes, newest first. */
  List<CallDispute> forCall(long callRecordId);

  /** The newest dispute of each of these calls of the organisation, by call id. */
  Map<String, CallDispute> latestForCalls(long organisationId, Collection<String> callIds);

  /** Disputes newest first: of one organisation (or all for null), of one status (or any). */
  List<CallDispute> list(Long organisationId, DisputeStatus status, int offset, int limit);

  long count(Long organisationId, DisputeStatus status);
}
