package com.commcredits.web.api;

import com.commcredits.guard.SpendGuard;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The organisation's international toll-fraud brake (R-GUARD-1, R-GUARD-3). */
@Path("/spend-controls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SpendControlsResource {
  @Inject ApiCaller caller;
  @Inject SpendGuard guard;

  @GET
  @Operation(
      summary =
          "The international spend brake: limits per rolling hour and 24 hours (null: off), the "
              + "spend in each window now, and whether the brake holds")
  public SpendGuardJson.ControlsJson get() {
    SpendGuard.BrakeView view = guard.brake(caller.get());
    return SpendGuardJson.ControlsJson.of(view, view.currency());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Set the brake: {internationalPerHour: Money|null, internationalPerDay: Money|null}, more "
              + "than 0 in the organisation's currency; null turns a window off. Global and Billing "
              + "admins")
  public SpendGuardJson.ControlsJson put(JsonObject body) {
    SpendGuard.BrakeView view = guard.setControls(caller.get(), SpendGuardJson.controlsInput(body));
    return SpendGuardJson.ControlsJson.of(view, view.currency());
  }
}
