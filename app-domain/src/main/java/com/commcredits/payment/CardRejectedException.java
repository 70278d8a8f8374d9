package com.commcredits.payment;

import com.commcredits.shared.FieldError;
import com.commcredits.shared.ValidationException;
import java.util.List;

/**
 * The gateway would not accept the card details (bad number, past expiry); names the field and says
 * why.
 */
public class CardRejectedException extends ValidationException {
  private static final long serialVersionUID = 1L;

  public CardRejectedException(String field, String message) {
    super(List.of(new FieldError(field, message)));
  }
}
