package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void cells_with_commas_quotes_or_line_breaks_are_quoted() {
    assertEquals("plain", Csv.cell("plain"));
    assertEquals("\"a,b\"", Csv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
    assertEquals("", Csv.cell(null));
  }

  @Test
  void cells_a_spreadsheet_would_run_as_formulas_are_defused() {
    assertEquals("'=SUM(A1)", Csv.cell("=SUM(A1)"));
    assertEquals("'+1", Csv.cell("+1"));
    assertEquals("'-5.00", Csv.cell("-5.00"));
    assertEquals("'@x", Csv.cell("@x"));
  }

  @Test
  void R_ORG_2_the_reader_handles_quotes_bom_and_crlf_and_refuses_an_open_quote() {
    List<List<String>> rows = CsvReader.parse("\uFEFFDisplayName,UPN\r\n\"Vance, Adele\",\"a\"\"b\"\r\nx,y", 10);
    assertEquals(List.of(List.of("DisplayName", "UPN"), List.of("Vance, Adele", "a\"b"), List.of("x", "y")), rows);
    assertThrows(IllegalArgumentException.class, () -> CsvReader.parse("a,\"open", 10));
  }

  @Test
  void only_local_paths_are_followed_after_sign_in() {
    assertEquals("/billing/products", SignInServlet.safeNext("/billing/products"));
    assertEquals("/", SignInServlet.safeNext(null));
    assertEquals("/", SignInServlet.safeNext("//evil.example/"));
    assertEquals("/", SignInServlet.safeNext("https://evil.example/"));
    assertEquals("/", SignInServlet.safeNext("/\\evil"));
    assertEquals("/", SignInServlet.safeNext("/sign-in?next=/x"));
  }
}
