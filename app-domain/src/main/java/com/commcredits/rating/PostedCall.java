package com.commcredits.rating;

import com.commcredits.shared.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One record of a batch posted for rating: a {@link FinishedCall}, or a record that could not be
 * read, with every field found wrong. An unreadable record is answered REJECTED and spoils nothing
 * else in its batch.
 */
public sealed interface PostedCall permits FinishedCall, PostedCall.Unreadable {
  /** The call id as posted; may be null or blank for an unreadable record. */
  String callId();

  /** A record refused before rating, with the fields that are wrong. */
  record Unreadable(String callId, List<FieldError> errors) implements PostedCall {
    public Unreadable {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("An unreadable record says what is wrong.");
      }
    }

    /** "field: message" for each error, as the API answers a REJECTED record. */
    public String error() {
      return errors.stream()
          .map(e -> e.field() + ": " + e.message())
          .collect(Collectors.joining("; "));
    }
  }
}
