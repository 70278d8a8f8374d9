package com.commcredits.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams a list as CSV (RFC 4180), with a leading apostrophe on text cells a spreadsheet would run
 * as formulas; numbers (e.g. a negative amount) are written plainly.
 */
public final class Csv implements AutoCloseable {
  private final PrintWriter out;

  private Csv(PrintWriter out) {
    this.out = out;
  }

  public static Csv download(HttpServletResponse response, String filename) throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return new Csv(response.getWriter());
  }

  /** CSV to a stream, in UTF-8. */
  public static Csv to(OutputStream stream) {
    return new Csv(new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
  }

  public Csv row(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    out.write(line.append("\r\n").toString());
    return this;
  }

  /**
   * A number is written as it is (a debit stays a number a spreadsheet can add); text is defused.
   */
  static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  @Override
  public void close() {
    out.flush();
  }
}
