package com.commcredits.web.pages;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks; a UTF-8 BOM is
 * skipped.
 */
final class CsvReader {
  private CsvReader() {}

  static List<List<String>> read(Reader in, int maxLines) throws IOException {
    StringBuilder all = new StringBuilder();
    char[] buffer = new char[8192];
    int read;
    while ((read = in.read(buffer)) != -1) {
      all.append(buffer, 0, read);
    }
    return parse(all.toString(), maxLines);
  }

  static List<List<String>> parse(String text, int maxLines) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    while (i < text.length() && lines.size() <= maxLines) {
      char ch = text.charAt(i++);
      if (quoted) {
        if (ch != '"') {
          cell.append(ch);
        } else if (i < text.length() && text.charAt(i) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (ch == '"' && cell.length() == 0) {
        quoted = true;
      } else if (ch == ',') {
        line.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n') {
        line.add(cell.toString());
        cell.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
      } else if (ch != '\r') {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("The file ends inside a quoted field.");
    }
    if (cell.length() > 0 || !line.isEmpty()) {
      line.add(cell.toString());
      lines.add(line);
    }
    return lines;
  }
}
