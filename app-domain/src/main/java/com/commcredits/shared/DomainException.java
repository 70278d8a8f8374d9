package com.commcredits.shared;

/**
 * A business rule refused the request. Declared an application exception (rollback) in ejb-jar.xml
 * so that the model stays free of EJB imports.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DomainException(String message) {
    super(message);
  }
}
