package com.commcredits.audit;

/** The audited actions; later contexts add theirs here so the log can be filtered by a known list. */
public enum AuditAction {
  SIGN_IN,
  SIGN_IN_FAILED,
  SIGN_IN_REFUSED_LOCKED,
  ACCOUNT_LOCKED,
  SIGN_OUT,
  ADMIN_CREATED,
  ADMIN_CHANGED,
  ADMIN_UNLOCKED,
  API_KEY_CREATED,
  API_KEY_REVOKED,
  USER_CREATED,
  SUBSCRIPTION_CREATED
}
