package com.commcredits.rating;

import com.commcredits.shared.FieldError;
import com.commcredits.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished call as the platform posts it for rating (R-RATE-3), in bounds (R-RATE-6): end not
 * before start, start at most 400 days before now, end at most 5 minutes after it, a duration of at
 * most 48 hours that matches end − start within 2 seconds. Out-of-bounds records would make every
 * lot look unusable (an end in the future) or overflow the minute arithmetic, so none is built.
 */
public final class FinishedCall implements PostedCall {
  static final Duration OLDEST_START = Duration.ofDays(400);
  static final Duration LATEST_END = Duration.ofMinutes(5);
  static final long MAX_DURATION_SECONDS = Duration.ofHours(48).toSeconds();
  static final long DURATION_TOLERANCE_SECONDS = 2;

  private final CallRequest call;
  private final Instant start;
  private final Instant end;
  private final int durationSeconds;

  /**
   * @param now the injected clock's reading, against which the times are bounded
   * @throws ValidationException naming every field that is missing, malformed or out of bounds
   */
  public FinishedCall(
      String callId,
      String kind,
      String userUpn,
      String tollFreeNumber,
      String from,
      String to,
      String start,
      String end,
      Long durationSeconds,
      Instant now) {
    List<FieldError> errors = new ArrayList<>();
    CallRequest request = null;
    try {
      request = new CallRequest(callId, kind, userUpn, tollFreeNumber, from, to);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    Instant startAt = instant(errors, "start", start);
    Instant endAt = instant(errors, "end", end);
    int timeErrors = errors.size();
    if (startAt != null && startAt.isBefore(now.minus(OLDEST_START))) {
      errors.add(
          new FieldError("start", "'start' is more than " + OLDEST_START.toDays() + " days ago."));
    }
    if (endAt != null && endAt.isAfter(now.plus(LATEST_END))) {
      errors.add(
          new FieldError(
              "end", "'end' is more than " + LATEST_END.toMinutes() + " minutes in the future."));
    }
    if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
      errors.add(new FieldError("end", "'end' is before 'start'."));
    }
    boolean timesInBounds = startAt != null && endAt != null && errors.size() == timeErrors;
    if (durationSeconds == null || durationSeconds < 0) {
      errors.add(new FieldError("durationSeconds", "'durationSeconds' is required, 0 or more."));
    } else if (durationSeconds > MAX_DURATION_SECONDS) {
      errors.add(
          new FieldError(
              "durationSeconds",
              "'durationSeconds' is at most " + MAX_DURATION_SECONDS + " (48 hours)."));
    } else if (timesInBounds) {
      // only between instants already in bounds, so the difference cannot overflow
      long elapsed = Duration.between(startAt, endAt).toSeconds();
      if (Math.abs(elapsed - durationSeconds) > DURATION_TOLERANCE_SECONDS) {
        errors.add(
            new FieldError(
                "durationSeconds",
                "'durationSeconds' ("
                    + durationSeconds
                    + ") differs from end − start ("
                    + elapsed
                    + ") by more than "
                    + DURATION_TOLERANCE_SECONDS
                    + " seconds."));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    this.call = request;
    this.start = startAt;
    this.end = endAt;
    this.durationSeconds = Math.toIntExact(durationSeconds);
  }

  private static Instant instant(List<FieldError> errors, String field, String text) {
    if (text != null) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    errors.add(
        new FieldError(
            field, "'" + field + "' must be an ISO-8601 instant such as 2026-11-22T10:00:00Z."));
    return null;
  }

  @Override
  public String callId() {
    return call.callId();
  }

  public CallRequest call() {
    return call;
  }

  public CallKind kind() {
    return call.kind();
  }

  public PhoneNumber from() {
    return call.from();
  }

  public PhoneNumber to() {
    return call.to();
  }

  public Instant start() {
    return start;
  }

  public Instant end() {
    return end;
  }

  /** At most 48 hours, so minute and price arithmetic on it cannot overflow. */
  public int durationSeconds() {
    return durationSeconds;
  }
}
