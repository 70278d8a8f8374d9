package com.commcredits.web.api;

import com.commcredits.licensing.LicensingService;
import com.commcredits.subscription.Subscription;
import com.commcredits.subscription.SubscriptionService;
import com.commcredits.wallet.CreditsOpening;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The organisation's subscriptions (R-SUB-1) with purchased, assigned and available licences. */
@Path("/subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {
  @Inject ApiCaller caller;
  @Inject SubscriptionService subscriptions;
  @Inject LicensingService licensing;
  @Inject CreditsOpening credits;

  @GET
  @Operation(
      summary =
          "Subscriptions: product, quantity of licences, status, start date, and per product how many "
              + "licences are assigned and available")
  public List<SubscriptionJson> list() {
    Map<String, LicensingService.Usage> usage = licensing.usage(caller.get().organisationId());
    return subscriptions.list(caller.get()).stream()
        .map(
            v -> {
              var u =
                  usage.getOrDefault(v.subscription().sku(), new LicensingService.Usage(0, 0, 0));
              return new SubscriptionJson(
                  v.subscription().id(),
                  v.subscription().sku(),
                  v.product().name(),
                  v.subscription().quantity(),
                  v.subscription().status().name(),
                  v.subscription().startDate(),
                  u.assigned(),
                  u.available());
            })
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Buy a product {sku, quantity}. Buying COMMUNICATIONS_CREDITS opens the wallet (add funds "
              + "with POST /wallet/fundings).")
  public Response buy(JsonObject body, @Context UriInfo uri) {
    JsonInput in = JsonInput.of(body, Set.of("sku", "quantity"));
    String sku = in.string("sku");
    Integer quantity = in.integer("quantity");
    in.done();
    if ("COMMUNICATIONS_CREDITS".equals(sku)) {
      credits.openCredits(caller.get());
      return Response.created(uri.getBaseUriBuilder().path("wallet").build())
          .entity(list())
          .build();
    }
    Subscription s = subscriptions.buy(caller.get(), sku, quantity == null ? 0 : quantity);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(s.id())).build())
        .entity(
            new SubscriptionJson(
                s.id(),
                s.sku(),
                null,
                s.quantity(),
                s.status().name(),
                s.startDate(),
                0,
                s.quantity()))
        .build();
  }

  /** A subscription as the API shows it. */
  public record SubscriptionJson(
      long id,
      String sku,
      String productName,
      int quantity,
      String status,
      LocalDate startDate,
      long assignedForProduct,
      long availableForProduct) {}
}
