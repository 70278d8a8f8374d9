package com.commcredits.catalog;

/** The kinds of monthly minute pool a licence feeds (R-POOL-1). */
public enum PoolKind {
  DOMESTIC,
  INTERNATIONAL,
  CONFERENCING_DIAL_OUT
}
