package com.commcredits.shared;

import java.util.List;

/** One page of a longer list, with the total so a pager can be drawn. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < pages();
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  /** For a fragment that draws either kind of pager ({@link Keyset} answers true). */
  public boolean keyset() {
    return false;
  }

  /** Checks a requested page and size, naming the parameter that is wrong. */
  public static void validate(int page, int size, int maxSize) {
    new Validator()
        .check(page >= 0, "page", "page must be 0 or more.")
        .check(size >= 1 && size <= maxSize, "size", "size must be between 1 and " + maxSize + ".")
        // the offset page × size must fit the database's row numbers
        .check((long) page * Math.max(size, 1) <= Integer.MAX_VALUE, "page", "page is too large.")
        .throwIfInvalid();
  }
}
