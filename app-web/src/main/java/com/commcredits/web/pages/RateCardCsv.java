package com.commcredits.web.pages;

import com.commcredits.money.AmountFormatException;
import com.commcredits.money.Rates;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.RateLine;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rate card as CSV (R-RATE-1), written by the export and read by the import in the same columns,
 * so a card exported, edited and imported round-trips. Reading checks every row and reports each
 * problem with its row and column; a file with any problem yields no lines.
 */
public final class RateCardCsv {
  public static final List<String> COLUMNS =
      List.of(
          "kind",
          "prefix",
          "description",
          "per_minute",
          "connection_fee",
          "increment_seconds",
          "minimum_seconds",
          "effective_from",
          "effective_to");
  static final int MAX_ROWS = 50_000;
  private static final Pattern PREFIX = Pattern.compile("\\+[0-9]{0,15}");

  private RateCardCsv() {}

  /** A problem with one cell (row 0 is the file as a whole). */
  public record RowError(int row, String column, String message) {}

  /** The lines read, or the problems found. */
  public record Parsed(List<RateLine> lines, List<RowError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public static List<Object> cells(RateLine l) {
    return Arrays.asList(
        l.kind().name(),
        l.prefix(),
        l.description(),
        l.perMinute().toPlainString(),
        l.connectionFee().toPlainString(),
        l.incrementSeconds(),
        l.minimumSeconds(),
        l.effectiveFrom().toString(),
        l.effectiveTo() == null ? "" : l.effectiveTo().toString());
  }

  public static Parsed read(Reader in) throws IOException {
    List<List<String>> rows;
    try {
      rows = CsvReader.read(in, MAX_ROWS + 2);
    } catch (IllegalArgumentException e) {
      return fileError(e.getMessage());
    }
    if (rows.isEmpty()) {
      return fileError(
          "The file is empty: the first line must name the columns "
              + String.join(", ", COLUMNS)
              + ".");
    }
    if (rows.size() > MAX_ROWS + 1) {
      return fileError("A rate card has at most " + MAX_ROWS + " rates.");
    }
    List<String> header =
        rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      return fileError(
          "The first line must name the columns "
              + String.join(", ", COLUMNS)
              + "; missing: "
              + String.join(", ", missing)
              + ".");
    }
    Map<String, Integer> at = new HashMap<>();
    COLUMNS.forEach(c -> at.put(c, header.indexOf(c)));
    List<RateLine> lines = new ArrayList<>();
    List<Integer> lineRows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<RateLine.Key, Integer> seen = new HashMap<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Row cells = new Row(r + 1, row, at, errors);
      CallKind kind = cells.kind();
      String prefix = cells.text("prefix");
      if (prefix != null && !PREFIX.matcher(prefix).matches()) {
        errors.add(
            new RowError(
                r + 1,
                "prefix",
                "Write a prefix as + and up to 15 digits, like +4420 (+ alone matches any number)."));
        prefix = null;
      }
      String description = cells.text("description");
      if (description != null && description.length() > 100) {
        errors.add(new RowError(r + 1, "description", "At most 100 characters."));
      }
      BigDecimal perMinute = cells.price("per_minute");
      BigDecimal fee = cells.price("connection_fee");
      Integer increment = cells.seconds("increment_seconds", 1);
      Integer minimum = cells.seconds("minimum_seconds", 0);
      LocalDate from = cells.date("effective_from", true);
      LocalDate to = cells.date("effective_to", false);
      if (from != null && to != null && to.isBefore(from)) {
        errors.add(new RowError(r + 1, "effective_to", "The end date is before the start date."));
      }
      if (kind != null
          && prefix != null
          && description != null
          && perMinute != null
          && fee != null
          && increment != null
          && minimum != null
          && from != null) {
        RateLine line =
            new RateLine(kind, prefix, description, perMinute, fee, increment, minimum, from, to);
        Integer first = seen.putIfAbsent(line.key(), r + 1);
        if (first != null) {
          errors.add(
              new RowError(
                  r + 1,
                  "prefix",
                  "Row " + first + " already has " + kind + " " + prefix + " from " + from + "."));
        } else {
          lines.add(line);
          lineRows.add(r + 1);
        }
      }
    }
    for (int[] clash : RateLine.overlaps(lines)) {
      errors.add(
          new RowError(
              lineRows.get(clash[0]),
              "effective_from",
              "Its period overlaps row "
                  + lineRows.get(clash[1])
                  + " of the same kind and prefix."));
    }
    if (errors.isEmpty() && lines.isEmpty()) {
      return fileError("The file has no rates.");
    }
    errors.sort(Comparator.comparingInt(RowError::row));
    return new Parsed(errors.isEmpty() ? List.copyOf(lines) : List.of(), List.copyOf(errors));
  }

  private static Parsed fileError(String message) {
    return new Parsed(List.of(), List.of(new RowError(0, "file", message)));
  }

  /** One row's cells, each read once, problems collected. */
  private record Row(
      int number, List<String> cells, Map<String, Integer> at, List<RowError> errors) {
    /**
     * The cell, without the apostrophe our export (and spreadsheets) put before a leading + = -
     * or @.
     */
    String raw(String column) {
      int i = at.get(column);
      String v = i < cells.size() ? cells.get(i).strip() : "";
      return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0
          ? v.substring(1)
          : v;
    }

    String text(String column) {
      String v = raw(column);
      if (v.isEmpty()) {
        errors.add(new RowError(number, column, "Required."));
        return null;
      }
      return v;
    }

    CallKind kind() {
      String v = text("kind");
      if (v == null) {
        return null;
      }
      try {
        return CallKind.valueOf(v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new RowError(
                number, "kind", "Use OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT."));
        return null;
      }
    }

    BigDecimal price(String column) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      try {
        return Rates.parse(v);
      } catch (AmountFormatException e) {
        errors.add(new RowError(number, column, e.getMessage()));
        return null;
      }
    }

    Integer seconds(String column, int min) {
      String v = text(column);
      if (v == null) {
        return null;
      }
      try {
        int s = Integer.parseInt(v);
        if (s < min || s > 3600) {
          errors.add(new RowError(number, column, "Use whole seconds from " + min + " to 3600."));
          return null;
        }
        return s;
      } catch (NumberFormatException e) {
        errors.add(new RowError(number, column, "Use whole seconds, like 60."));
        return null;
      }
    }

    LocalDate date(String column, boolean required) {
      String v = raw(column);
      if (v.isEmpty()) {
        if (required) {
          errors.add(new RowError(number, column, "Required."));
        }
        return null;
      }
      try {
        return LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        errors.add(new RowError(number, column, "Write dates as YYYY-MM-DD."));
        return null;
      }
    }
  }
}
