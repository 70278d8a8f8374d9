package com.commcredits.directory;

/** Whether a directory user may sign in and place calls. */
public enum UserState {
  ACTIVE,
  BLOCKED
}
