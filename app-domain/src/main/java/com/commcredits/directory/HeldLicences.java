package com.commcredits.directory;

/**
 * Whether a user holds any licence; licensing provides it, so the directory need not know licences.
 */
@FunctionalInterface
public interface HeldLicences {
  boolean holdsAny(long userId);
}
