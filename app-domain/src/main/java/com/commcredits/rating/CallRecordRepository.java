package com.commcredits.rating;

import java.util.Collection;
import java.util.Map;

/** Rated call records. */
public interface CallRecordRepository {
  /** The records already rated under these call ids. */
  Map<String, CallRecord> existing(long organisationId, Collection<String> callIds);

  void add(CallRecord record);
}
