package com.commcredits.shared;

/** The request is well-formed but clashes with the current state (409 / 422). */
public class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
