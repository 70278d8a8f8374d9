package com.commcredits.shared;

/**
 * The thing asked for was already done and may be done only once (a call refunded, an EA number
 * registered): the API answers 409. Unlike {@link ConflictException}, no idempotency key was
 * misused; the resource's state forbids it.
 */
public class AlreadyDoneException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AlreadyDoneException(String message) {
    super(message);
  }
}
