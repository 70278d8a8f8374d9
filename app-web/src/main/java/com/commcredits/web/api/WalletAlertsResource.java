package com.commcredits.web.api;

import com.commcredits.shared.FieldError;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.LowBalanceAlerts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Low-balance alert thresholds of the wallet (R-GUARD-4). */
@Path("/wallet/alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WalletAlertsResource {
  @Inject ApiCaller caller;
  @Inject LowBalanceAlerts alerts;

  /** The thresholds, highest first. */
  public record AlertsJson(List<MoneyJson> lowBalance) {}

  @GET
  @Operation(summary = "Low-balance alert thresholds (R-GUARD-4), highest first")
  public AlertsJson get() {
    return new AlertsJson(alerts.thresholds(caller.get()).stream().map(MoneyJson::of).toList());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace the low-balance alerts: {lowBalance: [Money, …]}, at most 3, each more than 0 "
              + "in the wallet's currency; one email each time the balance falls below one")
  public AlertsJson put(JsonObject body) {
    JsonInput in = JsonInput.of(body, Set.of("lowBalance"));
    in.done();
    JsonValue value = body.get("lowBalance");
    if (!(value instanceof JsonArray array)) {
      throw ValidationException.of(
          "lowBalance",
          "'lowBalance' must be an array of amounts, e.g. [{\"amount\": \"50.00\", \"currency\": \"USD\"}].");
    }
    List<String[]> amounts = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      if (!(item instanceof JsonObject money)) {
        errors.add(new FieldError("lowBalance[" + i + "]", "Must be an amount object."));
        continue;
      }
      JsonInput m = JsonInput.of(money, Set.of("amount", "currency"));
      String amount = m.string("amount");
      String currency = m.string("currency");
      try {
        m.done();
      } catch (ValidationException e) {
        String prefix = "lowBalance[" + i + "].";
        e.errors().forEach(f -> errors.add(new FieldError(prefix + f.field(), f.message())));
      }
      amounts.add(new String[] {amount, currency});
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new AlertsJson(alerts.save(caller.get(), amounts).stream().map(MoneyJson::of).toList());
  }
}
