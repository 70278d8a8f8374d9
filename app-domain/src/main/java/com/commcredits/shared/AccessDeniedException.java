package com.commcredits.shared;

/** The caller is signed in but its roles do not allow the use case (403). */
public class AccessDeniedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
