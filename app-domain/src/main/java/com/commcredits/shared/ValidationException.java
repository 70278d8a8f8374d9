package com.commcredits.shared;

import java.util.List;

/**
 * Input was refused before anything changed; every field error is listed (400 / beside the field).
 */
public class ValidationException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.isEmpty() ? "Invalid input." : errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
