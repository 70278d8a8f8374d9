package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV a user uploads to add users in bulk. */
class CsvReaderTest {
  @Test
  void R_ORG_2_the_reader_handles_quotes_a_byte_order_mark_and_CRLF_and_refuses_an_open_quote() {
    List<List<String>> rows =
        CsvReader.parse("\uFEFFDisplayName,UPN\r\n\"Vance, Adele\",\"a\"\"b\"\r\nx,y", 10);
    assertEquals(
        List.of(List.of("DisplayName", "UPN"), List.of("Vance, Adele", "a\"b"), List.of("x", "y")),
        rows);
    assertThrows(IllegalArgumentException.class, () -> CsvReader.parse("a,\"open", 10));
  }
}
