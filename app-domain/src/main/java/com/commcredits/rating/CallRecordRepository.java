package com.commcredits.rating;

import java.util.Collection;
import java.util.Map;

/** Rated call records. */
public interface CallRecordRepository {
  /** The records already rated under these call ids. */
  Map<String, CallRecord> existing(long organisationId, Collection<String> callIds);

  void add(CallRecord record);

  /** Writes many records at once (batched inserts), for rating a batch. */
  void addAll(java.util.List<CallRecord> records);

  /**
   * Records of the filter after the given id (keyset paging in id order), at most {@code limit}.
   */
  java.util.List<CallRecord> search(
      long organisationId, UsageFilter filter, long afterId, int limit);

  /** A page of the filter's records, newest call first. */
  java.util.List<CallRecord> latest(long organisationId, UsageFilter filter, int offset, int limit);

  long count(long organisationId, UsageFilter filter);

  /**
   * For each ledger entry, which lots paid how much, in allocation order (a null lot is the
   * uncovered part).
   */
  Map<Long, java.util.List<com.commcredits.wallet.ChargeResult.LotPayment>> funding(
      Collection<Long> entryIds);

  /**
   * The charges of the filter summed per day of the given zone and per call kind, in one grouped
   * query: day → kind → amount.
   */
  java.util.SortedMap<java.time.LocalDate, Map<CallKind, java.math.BigDecimal>> spendByDay(
      long organisationId, UsageFilter filter, java.time.ZoneId zone);
}
