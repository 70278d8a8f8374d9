package com.commcredits.shared;

/** The thing does not exist for this caller: also what another organisation's ids answer (404). */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what) {
    super(what + " was not found.");
  }
}
