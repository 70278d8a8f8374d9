package com.commcredits.web.api;

import com.commcredits.rating.Authorization;
import com.commcredits.rating.CallAuthorizer;
import com.commcredits.rating.CallRequest;
import com.commcredits.rating.FinishedCall;
import com.commcredits.rating.PostedCall;
import com.commcredits.rating.RatingResult;
import com.commcredits.rating.RatingService;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import com.commcredits.web.monitoring.OperationsMetrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
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
  @Inject RatingService rating;
  @Inject Clock clock;
  @Inject OperationsMetrics metrics;

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
    CallRequest call = null;
    try {
      call = new CallRequest(callId, kind, upn, tollFree, from, to);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
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
    CallRequest request = call;
    Instant moment = when;
    Authorization a =
        metrics.timeAuthorization(() -> authorizer.authorize(caller.get(), request, moment));
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
        a.reason(),
        a.limitedBy());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Rate finished calls: an array of up to 1,000 {callId, kind, userUpn or tollFreeNumber, from, "
              + "to, start, end, durationSeconds}, rated in one transaction. One result per record: RATED, DUPLICATE (the "
              + "first result; the call id is the idempotency key) or REJECTED with the reason naming the field "
              + "(times within 400 days before and 5 minutes after now, at most 48 hours, duration = end - start within 2 s).")
  public List<RatedJson> rate(JsonStructure json) {
    if (!(json instanceof JsonArray body)) {
      throw ValidationException.of("body", "Send a JSON array of call records.");
    }
    if (body.size() > MAX_BATCH) {
      throw ValidationException.of(
          "body", "Send at most " + MAX_BATCH + " call records at once, not " + body.size() + ".");
    }
    Instant now = clock.instant();
    List<PostedCall> calls = new ArrayList<>(body.size());
    for (int i = 0; i < body.size(); i++) {
      calls.add(read(body.get(i), now));
    }
    List<RatingResult> results = Retries.call(() -> rating.rate(caller.get(), calls));
    metrics.rated(results);
    return results.stream().map(RatedJson::of).toList();
  }

  private static final int MAX_BATCH = 1000;
  private static final Set<String> RECORD_FIELDS =
      Set.of(
          "callId",
          "kind",
          "userUpn",
          "tollFreeNumber",
          "from",
          "to",
          "start",
          "end",
          "durationSeconds");

  /**
   * Reads one record; a JSON problem (unknown field, wrong type) or a bad value becomes the
   * record's error instead of failing the batch.
   */
  static PostedCall read(JsonValue value, Instant now) {
    if (!(value instanceof JsonObject o)) {
      return new PostedCall.Unreadable(
          null, List.of(new FieldError("record", "A record must be an object.")));
    }
    String callId = o.get("callId") instanceof JsonString s ? s.getString() : null;
    try {
      JsonInput in = JsonInput.of(o, RECORD_FIELDS);
      String kind = in.string("kind");
      String upn = in.string("userUpn");
      String tollFree = in.string("tollFreeNumber");
      String from = in.string("from");
      String to = in.string("to");
      String start = in.string("start");
      String end = in.string("end");
      Long duration = in.longValue("durationSeconds");
      in.done();
      return new FinishedCall(callId, kind, upn, tollFree, from, to, start, end, duration, now);
    } catch (ValidationException e) {
      return new PostedCall.Unreadable(callId, e.errors());
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
    static RatedJson of(RatingResult r) {
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
      String callId,
      boolean allowed,
      PayerJson payer,
      long maxDurationSeconds,
      String reason,
      String limitedBy) {}

  /** Who pays first. */
  public record PayerJson(String type, String country, String poolKind) {}
}
