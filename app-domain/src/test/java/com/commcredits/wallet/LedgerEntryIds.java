package com.commcredits.wallet;

import java.lang.reflect.Field;

/** Gives an entry the id the database would, for domain tests that link entries. */
final class LedgerEntryIds {
  private LedgerEntryIds() {}

  static void assign(LedgerEntry entry, long id) {
    try {
      Field field = LedgerEntry.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(entry, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
