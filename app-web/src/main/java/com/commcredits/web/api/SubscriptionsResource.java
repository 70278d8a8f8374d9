package com.commcredits.web.api;

import com.commcredits.licensing.LicensingService;
import com.commcredits.shared.NotFoundException;
import com.commcredits.subscription.Subscription;
import com.commcredits.subscription.SubscriptionService;
import com.commcredits.wallet.CreditsOpening;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
          "Buy a product {sku, quantity, paymentMethodId?}: the first month of the licences (monthly "
              + "list price x quantity) is charged on the card or billed on the EA at once; without "
              + "paymentMethodId, the organisation's newest card, else its newest EA number. A declined "
              + "card answers 400 and buys nothing. An optional Idempotency-Key header makes a repeat "
              + "return the first purchase without billing again. Buying COMMUNICATIONS_CREDITS opens "
              + "the wallet (add funds with POST /wallet/fundings).")
  public Response buy(
      @Parameter(description = "optional client-chosen key, unique per purchase")
          @HeaderParam("Idempotency-Key")
          String key,
      JsonObject body,
      @Context UriInfo uri) {
    JsonInput in = JsonInput.of(body, Set.of("sku", "quantity", "paymentMethodId"));
    String sku = in.string("sku");
    Integer quantity = in.integer("quantity");
    Long methodId = in.longValue("paymentMethodId");
    in.done();
    if ("COMMUNICATIONS_CREDITS".equals(sku)) {
      credits.openCredits(caller.get());
      return Response.created(uri.getBaseUriBuilder().path("wallet").build())
          .entity(list())
          .build();
    }
    Subscription s =
        subscriptions.buy(
            caller.get(),
            new SubscriptionService.Purchase(
                sku, quantity == null ? 0 : quantity, methodId, key(key)));
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

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a subscription's quantity {quantity}. Added licences are billed like a purchase "
              + "(to the subscription's payment method, else the default); fewer licences bill nothing "
              + "and may not go below those assigned. Optional Idempotency-Key header as for a purchase.")
  public SubscriptionJson changeQuantity(
      @PathParam("id") String id,
      @Parameter(description = "optional client-chosen key, unique per change")
          @HeaderParam("Idempotency-Key")
          String key,
      JsonObject body) {
    long parsed;
    try {
      parsed = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("The subscription");
    }
    JsonInput in = JsonInput.of(body, Set.of("quantity"));
    Integer quantity = in.integer("quantity");
    in.done();
    Subscription s =
        subscriptions.changeQuantity(
            caller.get(), parsed, quantity == null ? 0 : quantity, key(key));
    return list().stream().filter(j -> j.id() == s.id()).findFirst().orElseThrow();
  }

  /** The Idempotency-Key header as a request key: absent or blank means none. */
  private static String key(String header) {
    return header == null || header.isBlank() ? null : header;
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
