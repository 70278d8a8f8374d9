package com.commcredits.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One page of a list: the pager's arithmetic and the check of a requested page (R-SEC-2). */
class PageTest {
  private static Page<String> page(int page, int size, long total) {
    return new Page<>(List.of(), page, size, total);
  }

  @Test
  void pages_rounds_up_and_an_empty_list_still_has_one_page() {
    assertEquals(1, page(0, 10, 0).pages());
    assertEquals(1, page(0, 10, 1).pages());
    assertEquals(1, page(0, 10, 10).pages());
    assertEquals(2, page(0, 10, 11).pages());
    assertEquals(100_000, page(0, 10, 1_000_000).pages());
  }

  @Test
  void the_first_page_has_a_next_but_no_previous() {
    Page<String> first = page(0, 10, 25);
    assertTrue(first.hasNext());
    assertFalse(first.hasPrevious());
  }

  @Test
  void a_middle_page_has_both_and_the_last_page_has_only_a_previous() {
    assertTrue(page(1, 10, 25).hasNext());
    assertTrue(page(1, 10, 25).hasPrevious());
    assertFalse(page(2, 10, 25).hasNext());
    assertTrue(page(2, 10, 25).hasPrevious());
  }

  @Test
  void a_single_page_has_neither() {
    assertFalse(page(0, 10, 10).hasNext());
    assertFalse(page(0, 10, 10).hasPrevious());
  }

  @Test
  void the_items_are_copied_in_and_handed_out_read_only() {
    List<String> items = new ArrayList<>(List.of("a", "b"));
    Page<String> page = new Page<>(items, 0, 10, 2);
    items.add("c");
    assertEquals(List.of("a", "b"), page.items());
    assertThrows(UnsupportedOperationException.class, () -> page.items().add("d"));
  }

  @Test
  void R_SEC_2_validate_names_page_when_the_page_is_negative() {
    assertEquals(List.of("page"), refusedFields(-1, 10, 100));
  }

  @Test
  void R_SEC_2_validate_names_size_when_the_size_is_outside_one_to_the_maximum() {
    assertEquals(List.of("size"), refusedFields(0, 0, 100));
    assertEquals(List.of("size"), refusedFields(0, 101, 100));
    assertEquals(
        "size must be between 1 and 100.",
        assertThrows(ValidationException.class, () -> Page.validate(0, 101, 100)).getMessage());
  }

  @Test
  void R_SEC_2_validate_names_both_when_both_are_wrong() {
    assertEquals(List.of("page", "size"), refusedFields(-1, -1, 100));
  }

  @Test
  void R_SEC_2_validate_accepts_the_edges() {
    assertDoesNotThrow(() -> Page.validate(0, 1, 100));
    assertDoesNotThrow(() -> Page.validate(5, 100, 100));
  }

  @Test
  void R_SEC_2_a_page_whose_offset_overflows_is_refused_not_sent_to_the_database() {
    assertEquals(List.of("page"), refusedFields(Integer.MAX_VALUE, 100, 1000));
    assertEquals(List.of("page"), refusedFields(21_474_837, 100, 1000));
    assertDoesNotThrow(() -> Page.validate(21_474_836, 100, 1000));
  }

  private static List<String> refusedFields(int page, int size, int maxSize) {
    return assertThrows(ValidationException.class, () -> Page.validate(page, size, maxSize))
        .errors()
        .stream()
        .map(FieldError::field)
        .toList();
  }
}
