package com.commcredits.rating;

import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.Keyset;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.ChargeResult;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The PSTN usage report (R-REP-1): one row per rated call with the funding, filtered by period (at
 * most a year, in the organisation's calendar), user and call type; read a page at a time, or
 * streamed in chunks for exports so memory stays constant whatever the size.
 */
@Stateless
public class UsageReport {
  static final int CHUNK = 1000;

  @Inject CallRecordRepository records;
  @Inject OrganisationRepository organisations;
  @Inject Clock clock;

  /**
   * One row: the record and which lots paid its charge, in the order they paid (a null lot is the
   * uncovered part).
   */
  public record Row(CallRecord call, List<ChargeResult.LotPayment> fundedBy) {
    /** The funding as a person reads it: "lot 3: 0.03; uncovered: 0.01". */
    public String funding() {
      return fundedBy.stream()
          .map(
              p ->
                  (p.lotId() == null ? "uncovered" : "lot " + p.lotId())
                      + ": "
                      + Money.of(p.amount(), call.currency()).toPlainString())
          .collect(Collectors.joining("; "));
    }
  }

  /** Builds a filter from the organisation's calendar dates; the default is the last 30 days. */
  public UsageFilter filter(
      Caller caller, LocalDate from, LocalDate to, String upn, CallKind kind) {
    return filter(caller, from, to, upn, kind, 30);
  }

  /**
   * As {@link #filter(Caller, LocalDate, LocalDate, String, CallKind)}, defaulting to the last
   * {@code days} days.
   */
  public UsageFilter filter(
      Caller caller, LocalDate from, LocalDate to, String upn, CallKind kind, int days) {
    caller.require(Permission.VIEW_REPORTS);
    ZoneId zone = zone(caller);
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusDays(days - 1L) : from;
    new Validator()
        .check(!start.isAfter(end), "from", "The start date must not be after the end date.")
        .check(!start.isBefore(end.minusYears(1)), "from", "Choose a period of at most one year.")
        .throwIfInvalid();
    return new UsageFilter(
        start.atStartOfDay(zone).toInstant(),
        end.plusDays(1).atStartOfDay(zone).toInstant(),
        upn == null || upn.isBlank() ? null : upn.strip().toLowerCase(Locale.ROOT),
        kind);
  }

  /**
   * A page for the screen by keyset, newest call first (start, then id): the newest, those older
   * than the call {@code before} or newer than the call {@code after} (call record ids); a deep
   * page costs what the first does (issue 15). The total is exact (the hourly spend rows, or one
   * user's index entries).
   */
  public Keyset<Row> page(Caller caller, UsageFilter filter, Long before, Long after, int size) {
    caller.require(Permission.VIEW_REPORTS);
    Page.validate(0, size, 500);
    long org = caller.organisationId();
    Long afterId = before == null ? after : null;
    List<CallRecord> calls = records.around(org, filter, before, afterId, size + 1);
    boolean more = calls.size() > size;
    if (more) {
      // the extra one shows a page lies further in the direction of travel
      calls = afterId == null ? calls.subList(0, size) : calls.subList(1, calls.size());
    }
    Long newer = null;
    Long older = null;
    if (!calls.isEmpty()) {
      long first = calls.get(0).id();
      long last = calls.get(calls.size() - 1).id();
      if (afterId == null) {
        older = more ? last : null;
        newer =
            before != null && !records.around(org, filter, null, first, 1).isEmpty() ? first : null;
      } else {
        newer = more ? first : null;
        older = !records.around(org, filter, last, null, 1).isEmpty() ? last : null;
      }
    }
    return new Keyset<>(rows(calls), newer, older, records.count(org, filter), false);
  }

  /**
   * Every row of the filter, in chunks of 1,000, to an export. Each chunk is its own read, outside
   * any transaction, so an export of a year of calls is not cut short by the transaction timeout.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void forEach(Caller caller, UsageFilter filter, Consumer<Row> sink) {
    caller.require(Permission.VIEW_REPORTS);
    // walk the ids between the period's first and last record only, however large the table
    long[] range = records.idRange(caller.organisationId(), filter);
    if (range == null) {
      return;
    }
    long after = range[0] - 1;
    List<CallRecord> chunk;
    do {
      chunk = records.search(caller.organisationId(), filter, after, range[1], CHUNK);
      rows(chunk).forEach(sink);
      if (!chunk.isEmpty()) {
        after = chunk.get(chunk.size() - 1).id();
      }
    } while (chunk.size() == CHUNK);
  }

  private List<Row> rows(List<CallRecord> calls) {
    Map<Long, List<ChargeResult.LotPayment>> funding =
        records.funding(
            calls.stream().map(CallRecord::ledgerEntryId).filter(Objects::nonNull).toList());
    return calls.stream()
        .map(
            c ->
                new Row(
                    c,
                    c.ledgerEntryId() == null
                        ? List.of()
                        : funding.getOrDefault(c.ledgerEntryId(), List.of())))
        .toList();
  }

  /**
   * Spend per call kind over the filter's period, by day, week or month (R-REP-3), from one grouped
   * query.
   */
  public SpendByKind spendByKind(Caller caller, UsageFilter filter) {
    caller.require(Permission.VIEW_REPORTS);
    Organisation organisation = organisation(caller);
    ZoneId zone = organisation.timeZone();
    return SpendByKind.of(
        organisation.currency().name(),
        filter.from().atZone(zone).toLocalDate(),
        filter.to().minusNanos(1).atZone(zone).toLocalDate(),
        records.spendByDay(caller.organisationId(), filter, zone));
  }

  /** How many rows the filter selects. */
  public long count(Caller caller, UsageFilter filter) {
    caller.require(Permission.VIEW_REPORTS);
    return records.count(caller.organisationId(), filter);
  }

  private Organisation organisation(Caller caller) {
    return organisations
        .find(caller.organisationId())
        .orElseThrow(() -> new NotFoundException("The organisation"));
  }

  private ZoneId zone(Caller caller) {
    return organisation(caller).timeZone();
  }
}
