package com.commcredits.rating;

import com.commcredits.wallet.ChargeResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Rated call records. */
public interface CallRecordRepository {
  /** The records already rated under these call ids. */
  Map<String, CallRecord> existing(long organisationId, Collection<String> callIds);

  /**
   * Writes one record and adds it to the hourly spend totals (calls, charges per hour and kind).
   */
  void add(CallRecord record);

  /**
   * Writes many records at once (batched inserts), for rating a batch, and adds them to the hourly
   * spend totals (one upsert per hour and kind); the caller holds the organisation's lock.
   */
  void addAll(List<CallRecord> records);

  /**
   * Records of the filter after {@code afterId} and up to {@code upToId} (keyset paging in id
   * order), at most {@code limit}.
   */
  List<CallRecord> search(
      long organisationId, UsageFilter filter, long afterId, long upToId, int limit);

  /**
   * The lowest and highest id among the filter's records (from an index), or null when it has none:
   * the bounds an export walks between.
   */
  long[] idRange(long organisationId, UsageFilter filter);

  /**
   * A keyset page of the filter's records, newest call first (by start, then id): the newest, those
   * after {@code beforeId} in that order (older), or those before {@code afterId} (newer). A cursor
   * that is not one of the organisation's records reads as none (the newest page).
   */
  List<CallRecord> around(
      long organisationId, UsageFilter filter, Long beforeId, Long afterId, int limit);

  long count(long organisationId, UsageFilter filter);

  /**
   * For each ledger entry, which lots paid how much, in allocation order (a null lot is the
   * uncovered part).
   */
  Map<Long, List<ChargeResult.LotPayment>> funding(Collection<Long> entryIds);

  /**
   * The charges of the filter summed per day of the given zone and per call kind, in one grouped
   * query: day → kind → amount.
   */
  SortedMap<LocalDate, Map<CallKind, BigDecimal>> spendByDay(
      long organisationId, UsageFilter filter, ZoneId zone);
}
