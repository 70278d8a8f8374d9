package com.commcredits.web.api;

import com.commcredits.rating.Authorization;
import com.commcredits.rating.CallAuthorizer;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.PhoneNumber;
import com.commcredits.rating.RatingService;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.ValidationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The telephony platform's calls (R-RATE-2): may this call be placed, who pays, for how long. */
@Path("/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {
  @Inject ApiCaller caller;
  @Inject CallAuthorizer authorizer;
  @Inject com.commcredits.rating.RatingService rating;
  @Inject Clock clock;

  @POST
  @Path("/authorize")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Authorise a call: {callId, kind, userUpn or tollFreeNumber, from, to, at} -> allowed, payer "
              + "(POOL of a country and kind, or WALLET), maxDurationSeconds, reason. Needs a platform key.")
  public AuthorizationJson authorize(JsonObject body) {
    JsonInput in =
        JsonInput.of(
            body, Set.of("callId", "kind", "userUpn", "tollFreeNumber", "from", "to", "at"));
    String callId = in.string("callId");
    String kind = in.string("kind");
    String upn = in.string("userUpn");
    String tollFree = in.string("tollFreeNumber");
    String from = in.string("from");
    String to = in.string("to");
    String at = in.string("at");
    in.done();
    List<FieldError> errors = new ArrayList<>();
    CallKind callKind = null;
    try {
      callKind = CallKind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              "kind", "'kind' must be OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT."));
    }
    if (callId == null || callId.isBlank() || callId.length() > 100) {
      errors.add(new FieldError("callId", "'callId' is required (1 to 100 characters)."));
    }
    for (String[] number : new String[][] {{"from", from}, {"to", to}}) {
      if (!PhoneNumber.isValid(number[1])) {
        errors.add(
            new FieldError(
                number[0], "'" + number[0] + "' must be an E.164 number such as +14255550100."));
      }
    }
    if (callKind == CallKind.TOLL_FREE_INBOUND && !PhoneNumber.isValid(tollFree)) {
      errors.add(
          new FieldError(
              "tollFreeNumber", "'tollFreeNumber' is required for TOLL_FREE_INBOUND, in E.164."));
    }
    if (callKind != null
        && callKind != CallKind.TOLL_FREE_INBOUND
        && (upn == null || upn.isBlank())) {
      errors.add(new FieldError("userUpn", "'userUpn' is required for " + callKind + "."));
    }
    Instant when = clock.instant();
    if (at != null) {
      try {
        when = Instant.parse(at);
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError("at", "'at' must be an ISO-8601 instant such as 2026-11-22T10:00:00Z."));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Authorization a =
        authorizer.authorize(
            caller.get(),
            new CallAuthorizer.CallRequest(
                callKind, upn, tollFree, new PhoneNumber(from), new PhoneNumber(to), when));
    return new AuthorizationJson(
        callId,
        a.allowed(),
        a.allowed()
            ? new PayerJson(
                a.payerType().name(),
                a.country(),
                a.poolKind() == null ? null : a.poolKind().name())
            : null,
        a.maxDurationSeconds(),
        a.reason());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Rate finished calls: an array of up to 1,000 {callId, kind, userUpn or tollFreeNumber, from, "
              + "to, start, end, durationSeconds}, rated in one transaction. One result per record: RATED, DUPLICATE (the "
              + "first result; the call id is the idempotency key) or REJECTED with the reason.")
  public List<RatedJson> rate(jakarta.json.JsonStructure json) {
    if (!(json instanceof jakarta.json.JsonArray body)) {
      throw ValidationException.of("body", "Send a JSON array of call records.");
    }
    if (body.size() > MAX_BATCH) {
      throw ValidationException.of(
          "body", "Send at most " + MAX_BATCH + " call records at once, not " + body.size() + ".");
    }
    List<RatingService.Posted> calls = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      calls.add(parse(body.get(i)));
    }
    return com.commcredits.shared.Retries.call(() -> rating.rate(caller.get(), calls)).stream()
        .map(RatedJson::of)
        .toList();
  }

  private static final int MAX_BATCH = 1000;

  /** Reads one record; a format problem becomes the record's error instead of failing the batch. */
  static RatingService.Posted parse(jakarta.json.JsonValue value) {
    if (!(value instanceof JsonObject o)) {
      return new RatingService.Posted(
          null, null, null, null, null, null, null, null, 0, "A record must be an object.");
    }
    String callId = o.get("callId") instanceof jakarta.json.JsonString s ? s.getString() : null;
    try {
      JsonInput in =
          JsonInput.of(
              o,
              Set.of(
                  "callId",
                  "kind",
                  "userUpn",
                  "tollFreeNumber",
                  "from",
                  "to",
                  "start",
                  "end",
                  "durationSeconds"));
      String kind = in.string("kind");
      String upn = in.string("userUpn");
      String tollFree = in.string("tollFreeNumber");
      String from = in.string("from");
      String to = in.string("to");
      String start = in.string("start");
      String end = in.string("end");
      Integer duration = in.integer("durationSeconds");
      in.done();
      List<String> problems = new ArrayList<>();
      if (callId == null || callId.isBlank() || callId.length() > 100) {
        problems.add("callId: required, 1 to 100 characters");
      }
      CallKind callKind = null;
      try {
        callKind = CallKind.valueOf(kind == null ? "" : kind);
      } catch (IllegalArgumentException e) {
        problems.add("kind: must be OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT");
      }
      if (!PhoneNumber.isValid(from)) {
        problems.add("from: must be an E.164 number");
      }
      if (!PhoneNumber.isValid(to)) {
        problems.add("to: must be an E.164 number");
      }
      if (callKind == CallKind.TOLL_FREE_INBOUND && !PhoneNumber.isValid(tollFree)) {
        problems.add("tollFreeNumber: required for TOLL_FREE_INBOUND, in E.164");
      }
      if (callKind != null
          && callKind != CallKind.TOLL_FREE_INBOUND
          && (upn == null || upn.isBlank())) {
        problems.add("userUpn: required");
      }
      Instant startAt = null;
      Instant endAt = null;
      try {
        startAt = Instant.parse(start == null ? "" : start);
        endAt = Instant.parse(end == null ? "" : end);
      } catch (DateTimeParseException e) {
        problems.add("start/end: must be ISO-8601 instants");
      }
      if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
        problems.add("end: is before start");
      }
      if (duration == null || duration < 0) {
        problems.add("durationSeconds: required, 0 or more");
      } else if (startAt != null
          && endAt != null
          && !endAt.isBefore(startAt)
          && Math.abs(java.time.Duration.between(startAt, endAt).getSeconds() - duration) > 1) {
        problems.add("durationSeconds: does not match start and end");
      }
      if (!problems.isEmpty()) {
        return new RatingService.Posted(
            callId,
            callKind,
            upn,
            tollFree,
            null,
            null,
            startAt,
            endAt,
            0,
            String.join("; ", problems));
      }
      return new RatingService.Posted(
          callId,
          callKind,
          upn,
          tollFree,
          new PhoneNumber(from),
          new PhoneNumber(to),
          startAt,
          endAt,
          duration,
          null);
    } catch (ValidationException e) {
      return new RatingService.Posted(
          callId,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          e.errors().stream()
              .map(err -> err.field() + ": " + err.message())
              .collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  /** One rated call as the API answers it. */
  public record RatedJson(
      String callId,
      String status,
      int poolMinutes,
      MoneyJson charge,
      List<FundedJson> fundedBy,
      String error) {
    static RatedJson of(RatingService.Result r) {
      return new RatedJson(
          r.callId(),
          r.status().name(),
          r.poolMinutes(),
          MoneyJson.of(r.charge()),
          r.fundedBy().stream()
              .map(
                  p ->
                      new FundedJson(
                          p.lotId(), MoneyJson.of(p.amount(), r.charge().currency().name())))
              .toList(),
          r.error());
    }
  }

  /** Which lot paid how much of a charge; a null lot is the part that went below zero. */
  public record FundedJson(Long lotId, MoneyJson amount) {}

  /** The answer of R-RATE-2. */
  public record AuthorizationJson(
      String callId, boolean allowed, PayerJson payer, long maxDurationSeconds, String reason) {}

  /** Who pays first. */
  public record PayerJson(String type, String country, String poolKind) {}
}
