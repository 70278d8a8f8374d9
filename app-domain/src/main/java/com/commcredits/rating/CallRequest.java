package com.commcredits.rating;

import com.commcredits.shared.FieldError;
import com.commcredits.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A call as the telephony platform names it, before (authorisation, R-RATE-2) or after (rating,
 * R-RATE-3) it is placed: its id, kind, caller (a user, or the organisation's toll-free number) and
 * its two E.164 numbers. Built only from checked input, so both paths refuse the same records with
 * the same words; every bad field is listed.
 */
public final class CallRequest {
  static final int MAX_CALL_ID_LENGTH = 100;

  private final String callId;
  private final CallKind kind;
  private final String userUpn;
  private final String tollFreeNumber;
  private final PhoneNumber from;
  private final PhoneNumber to;

  /**
   * @throws ValidationException naming every field that is missing or malformed
   */
  public CallRequest(
      String callId, String kind, String userUpn, String tollFreeNumber, String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    check(errors, callId, kind, userUpn, tollFreeNumber, from, to);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    this.callId = callId;
    this.kind = CallKind.valueOf(kind);
    this.userUpn = this.kind == CallKind.TOLL_FREE_INBOUND ? null : userUpn;
    this.tollFreeNumber = this.kind == CallKind.TOLL_FREE_INBOUND ? tollFreeNumber : null;
    this.from = new PhoneNumber(from);
    this.to = new PhoneNumber(to);
  }

  /** Adds to {@code errors} what is wrong with these fields; the one set of messages. */
  private static void check(
      List<FieldError> errors,
      String callId,
      String kind,
      String userUpn,
      String tollFreeNumber,
      String from,
      String to) {
    if (callId == null || callId.isBlank() || callId.length() > MAX_CALL_ID_LENGTH) {
      errors.add(
          new FieldError(
              "callId", "'callId' is required (1 to " + MAX_CALL_ID_LENGTH + " characters)."));
    }
    CallKind callKind = parseKind(kind);
    if (callKind == null) {
      errors.add(
          new FieldError(
              "kind", "'kind' must be OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT."));
    }
    if (!PhoneNumber.isValid(from)) {
      errors.add(new FieldError("from", "'from' must be an E.164 number such as +14255550100."));
    }
    if (!PhoneNumber.isValid(to)) {
      errors.add(new FieldError("to", "'to' must be an E.164 number such as +14255550100."));
    }
    if (callKind == CallKind.TOLL_FREE_INBOUND && !PhoneNumber.isValid(tollFreeNumber)) {
      errors.add(
          new FieldError(
              "tollFreeNumber", "'tollFreeNumber' is required for TOLL_FREE_INBOUND, in E.164."));
    }
    if (callKind != null
        && callKind != CallKind.TOLL_FREE_INBOUND
        && (userUpn == null || userUpn.isBlank())) {
      errors.add(new FieldError("userUpn", "'userUpn' is required for " + callKind + "."));
    }
  }

  private static CallKind parseKind(String kind) {
    if (kind == null) {
      return null;
    }
    try {
      return CallKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String callId() {
    return callId;
  }

  public CallKind kind() {
    return kind;
  }

  /** The caller's UPN as posted; null for toll-free inbound calls. */
  public String userUpn() {
    return userUpn;
  }

  /** The organisation's toll-free number called; null unless toll-free inbound. */
  public String tollFreeNumber() {
    return tollFreeNumber;
  }

  public PhoneNumber from() {
    return from;
  }

  public PhoneNumber to() {
    return to;
  }
}
