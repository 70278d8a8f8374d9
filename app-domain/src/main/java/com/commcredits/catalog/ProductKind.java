package com.commcredits.catalog;

/** What sort of thing a catalog product is. */
public enum ProductKind {
  BUNDLE,
  PHONE_SYSTEM,
  CALLING_PLAN,
  CONFERENCING,
  CREDITS,
  TOLL_FREE
}
