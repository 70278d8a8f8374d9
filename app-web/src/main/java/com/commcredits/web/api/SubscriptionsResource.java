package com.commcredits.web.api;

import com.commcredits.subscription.SubscriptionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The organisation's subscriptions (R-SUB-1). */
@Path("/subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionsResource {
  @Inject ApiCaller caller;
  @Inject SubscriptionService subscriptions;

  @GET
  @Operation(summary = "Subscriptions: product, quantity of licences, status, start date")
  public List<SubscriptionJson> list() {
    return subscriptions.list(caller.get()).stream()
        .map(v -> new SubscriptionJson(v.subscription().id(), v.subscription().sku(), v.product().name(),
            v.subscription().quantity(), v.subscription().status().name(), v.subscription().startDate()))
        .toList();
  }

  /** A subscription as the API shows it. */
  public record SubscriptionJson(long id, String sku, String productName, int quantity, String status,
      LocalDate startDate) {}
}
