package com.commcredits.web.api;

import com.commcredits.rating.Authorization;
import com.commcredits.rating.CallAuthorizer;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.PhoneNumber;
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
  @Inject Clock clock;

  @POST
  @Path("/authorize")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Authorise a call: {callId, kind, userUpn or tollFreeNumber, from, to, at} -> allowed, payer "
      + "(POOL of a country and kind, or WALLET), maxDurationSeconds, reason. Needs a platform key.")
  public AuthorizationJson authorize(JsonObject body) {
    JsonInput in = JsonInput.of(body, Set.of("callId", "kind", "userUpn", "tollFreeNumber", "from", "to", "at"));
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
      errors.add(new FieldError("kind", "'kind' must be OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT."));
    }
    if (callId == null || callId.isBlank() || callId.length() > 100) {
      errors.add(new FieldError("callId", "'callId' is required (1 to 100 characters)."));
    }
    for (String[] number : new String[][] {{"from", from}, {"to", to}}) {
      if (!PhoneNumber.isValid(number[1])) {
        errors.add(new FieldError(number[0], "'" + number[0] + "' must be an E.164 number such as +14255550100."));
      }
    }
    if (callKind == CallKind.TOLL_FREE_INBOUND && !PhoneNumber.isValid(tollFree)) {
      errors.add(new FieldError("tollFreeNumber", "'tollFreeNumber' is required for TOLL_FREE_INBOUND, in E.164."));
    }
    if (callKind != null && callKind != CallKind.TOLL_FREE_INBOUND && (upn == null || upn.isBlank())) {
      errors.add(new FieldError("userUpn", "'userUpn' is required for " + callKind + "."));
    }
    Instant when = clock.instant();
    if (at != null) {
      try {
        when = Instant.parse(at);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("at", "'at' must be an ISO-8601 instant such as 2026-11-22T10:00:00Z."));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Authorization a = authorizer.authorize(caller.get(), new CallAuthorizer.CallRequest(callKind, upn, tollFree,
        new PhoneNumber(from), new PhoneNumber(to), when));
    return new AuthorizationJson(callId, a.allowed(), a.allowed() ? new PayerJson(a.payerType().name(), a.country(),
        a.poolKind() == null ? null : a.poolKind().name()) : null, a.maxDurationSeconds(), a.reason());
  }

  /** The answer of R-RATE-2. */
  public record AuthorizationJson(String callId, boolean allowed, PayerJson payer, long maxDurationSeconds,
      String reason) {}

  /** Who pays first. */
  public record PayerJson(String type, String country, String poolKind) {}
}
