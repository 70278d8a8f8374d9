package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.rating.CallKind;
import com.commcredits.rating.RateLine;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateCardCsvTest {
  private static final String HEADER = String.join(",", RateCardCsv.COLUMNS) + "\n";

  private static RateCardCsv.Parsed read(String text) throws Exception {
    return RateCardCsv.read(new StringReader(text));
  }

  @Test
  void R_RATE_1_a_good_file_gives_its_lines_and_the_export_reads_back_the_same() throws Exception {
    RateCardCsv.Parsed parsed =
        read(
            HEADER
                + "OUTBOUND,+44,United Kingdom,0.03,0,60,60,2026-01-01,\n"
                + "CONFERENCE_DIAL_OUT,'+4420,\"London, dial-out\",0.0450,0.0100,1,60,2026-01-01,2026-12-31\n");
    assertTrue(parsed.ok(), parsed.errors().toString());
    RateLine london = parsed.lines().get(1);
    assertEquals(CallKind.CONFERENCE_DIAL_OUT, london.kind());
    assertEquals(
        "+4420", london.prefix(), "the apostrophe a spreadsheet keeps before + is dropped");
    assertEquals("London, dial-out", london.description());
    assertEquals(new BigDecimal("0.0100"), london.connectionFee());
    assertEquals(LocalDate.of(2026, 12, 31), london.effectiveTo());

    String exported =
        HEADER
            + parsed.lines().stream()
                .map(
                    l ->
                        RateCardCsv.cells(l).stream()
                            .map(Csv::cell)
                            .collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n"));
    assertEquals(parsed.lines(), read(exported).lines());
  }

  @Test
  void R_RATE_1_every_bad_cell_is_named_by_row_and_column_and_no_line_is_kept() throws Exception {
    RateCardCsv.Parsed parsed =
        read(
            HEADER
                + "OUTBOUND,+44,United Kingdom,0.03,0,60,60,2026-01-01,\n"
                + "LOCAL,44,,-1,0.12345,0,x,2026-13-01,\n"
                + "OUTBOUND,+44,Again,0.03,0,60,60,2026-01-01,\n"
                + "OUTBOUND,+49,Germany,0.04,0,60,60,2026-06-01,2026-05-01\n"
                + "OUTBOUND,+33,France,0.04,0,60,60,2026-01-01,\n"
                + "OUTBOUND,+33,France later,0.05,0,60,60,2026-03-01,\n");
    assertTrue(parsed.lines().isEmpty());
    List<String> found = parsed.errors().stream().map(e -> e.row() + ":" + e.column()).toList();
    assertEquals(
        List.of(
            "3:kind",
            "3:prefix",
            "3:description",
            "3:per_minute",
            "3:connection_fee",
            "3:increment_seconds",
            "3:minimum_seconds",
            "3:effective_from",
            "4:prefix",
            "5:effective_to",
            "7:effective_from"),
        found);
    assertTrue(
        parsed.errors().get(8).message().contains("Row 2"), "a duplicate names the first row");
    assertTrue(parsed.errors().get(10).message().contains("overlaps row 6"));
  }

  @Test
  void R_RATE_1_a_file_without_the_columns_is_refused_as_a_whole() throws Exception {
    RateCardCsv.Parsed parsed = read("kind,prefix,price\nOUTBOUND,+44,0.03\n");
    assertEquals(1, parsed.errors().size());
    assertEquals(0, parsed.errors().get(0).row());
    assertTrue(parsed.errors().get(0).message().contains("missing: description, per_minute"));
    assertEquals("file", read("").errors().get(0).column());
    assertEquals("file", read(HEADER).errors().get(0).column(), "a header alone has no rates");
  }
}
