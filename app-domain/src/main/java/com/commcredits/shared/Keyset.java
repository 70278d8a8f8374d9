package com.commcredits.shared;

import java.util.List;

/**
 * One page of a long list read by keyset (the ids either side of it) rather than by offset, so a
 * deep page costs what the first one does. {@code newer} and {@code older} are the cursors of the
 * neighbouring pages (null at either end); {@code total} is exact unless {@code totalCapped}, when
 * there are more than {@code total} and the page says "more than".
 */
public record Keyset<T>(List<T> items, Long newer, Long older, long total, boolean totalCapped) {
  /** The largest total counted exactly; beyond it a list says "more than 10,000". */
  public static final int COUNT_CAP = 10_000;

  public Keyset {
    items = List.copyOf(items);
  }

  /** For a fragment that draws either kind of pager. */
  public boolean keyset() {
    return true;
  }
}
