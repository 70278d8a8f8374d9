package com.commcredits.web.api;

import com.commcredits.dispute.Disputes;
import com.commcredits.shared.Retries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant disputes one of its rated calls (R-DISPUTE-1). */
@Path("/calls/{callId}/disputes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallDisputesResource {
  @Inject ApiCaller caller;
  @Inject Disputes disputes;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Disputes a rated call charged to the wallet: {reason} (Billing or Global admin). 201 "
              + "with the dispute; 409 while the call has an open dispute or once it was refunded; "
              + "another organisation's call 404")
  public Response open(@PathParam("callId") String callId, JsonObject body) {
    JsonInput in = JsonInput.of(body, Set.of("reason"));
    String reason = in.string("reason");
    in.done();
    var dispute = Retries.call(() -> disputes.open(caller.get(), callId, reason));
    return Response.status(201).entity(DisputesResource.DisputeJson.of(dispute)).build();
  }
}
