package com.commcredits.web.pages;

import com.commcredits.money.Money;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.CallRecord;
import com.commcredits.rating.SpendByKind;
import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.shared.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The PSTN usage columns of R-REP-1 and their CSV and Excel writers, shared by the page and the
 * API; rows are written as they are read, a chunk at a time, so memory stays constant.
 */
public final class UsageExport {
  public static final List<String> HEADERS =
      List.of(
          "Usage ID",
          "Call ID",
          "User location",
          "UPN",
          "Display name",
          "Caller number",
          "Call type",
          "Number type",
          "Domestic/International",
          "Destination dialed",
          "Destination number",
          "Start time",
          "End time",
          "Duration seconds",
          "Connection fee",
          "Charge",
          "Currency",
          "Capability",
          "Pool minutes",
          "Funded by");

  private UsageExport() {}

  public static List<Object> values(UsageReport.Row row) {
    CallRecord c = row.call();
    return Arrays.asList(
        c.id(),
        c.callId(),
        c.userLocation() == null ? "" : c.userLocation(),
        c.userUpn() == null ? "" : c.userUpn(),
        c.userName() == null ? "" : c.userName(),
        c.fromNumber(),
        label(c.kind()),
        c.kind() == CallKind.TOLL_FREE_INBOUND ? "Toll-free" : "User",
        c.domestic() ? "Domestic" : "International",
        c.destinationCountry(),
        c.toNumber(),
        c.startAt().toString(),
        c.endAt().toString(),
        c.durationSeconds(),
        Money.of(c.connectionFee(), c.currency()).toPlainString(),
        Money.of(c.charge(), c.currency()).toPlainString(),
        c.currency(),
        c.capabilityUsed(),
        c.poolMinutes(),
        row.funding());
  }

  static String label(CallKind kind) {
    return switch (kind) {
      case OUTBOUND -> "Outbound";
      case TOLL_FREE_INBOUND -> "Toll-free inbound";
      case CONFERENCE_DIAL_OUT -> "Conference dial-out";
    };
  }

  public static void csv(UsageReport report, Caller caller, UsageFilter filter, OutputStream out)
      throws IOException {
    csv(report, caller, filter, out, () -> {});
  }

  /** CSV of the filter's rows; {@code progress} runs after each row. */
  public static void csv(
      UsageReport report, Caller caller, UsageFilter filter, OutputStream out, Runnable progress)
      throws IOException {
    try (Csv csv = Csv.to(out)) {
      csv.row(HEADERS);
      report.forEach(
          caller,
          filter,
          row -> {
            csv.row(values(row));
            progress.run();
          });
    }
  }

  /**
   * The spend chart's series as CSV: one row per day, week or month, a column per call kind
   * (R-REP-3).
   */
  public static void spendCsv(SpendByKind spend, HttpServletResponse response) throws IOException {
    try (Csv csv = Csv.download(response, "spend-by-call-type.csv")) {
      List<Object> header = new ArrayList<>(List.of("Period start"));
      for (CallKind kind : CallKind.values()) {
        header.add(label(kind));
      }
      header.addAll(List.of("Total", "Currency"));
      csv.row(header);
      for (SpendByKind.Period p : spend.periods()) {
        List<Object> cells = new ArrayList<>(List.of(p.start()));
        for (CallKind kind : CallKind.values()) {
          cells.add(Money.of(p.amount(kind), spend.currency()).amount());
        }
        cells.add(Money.of(p.total(), spend.currency()).amount());
        cells.add(spend.currency());
        csv.row(cells);
      }
    }
  }

  public static void xlsx(UsageReport report, Caller caller, UsageFilter filter, OutputStream out)
      throws IOException {
    xlsx(report, caller, filter, out, () -> {});
  }

  /**
   * Excel of the filter's rows through fastexcel's streaming writer: rows are flushed every 1,000
   * and text is written inline, so memory stays constant; {@code progress} runs after each row.
   */
  public static void xlsx(
      UsageReport report, Caller caller, UsageFilter filter, OutputStream out, Runnable progress)
      throws IOException {
    Workbook workbook = new Workbook(out, "Communications Credits", "1.0");
    Worksheet sheet = workbook.newWorksheet("PSTN usage");
    for (int c = 0; c < HEADERS.size(); c++) {
      sheet.value(0, c, HEADERS.get(c));
      sheet.style(0, c).bold().set();
    }
    int[] r = {1};
    report.forEach(
        caller,
        filter,
        row -> {
          List<Object> values = values(row);
          for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof Number n) {
              sheet.value(r[0], c, n);
            } else {
              // inline, not the workbook's shared strings: those are kept in memory until the end,
              // and a year has millions of distinct call ids and times
              sheet.inlineString(r[0], c, v == null ? "" : v.toString());
            }
          }
          if (r[0] % 1000 == 0) {
            try {
              sheet.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          r[0]++;
          progress.run();
        });
    workbook.finish();
  }
}
