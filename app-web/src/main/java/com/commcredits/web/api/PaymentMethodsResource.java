package com.commcredits.web.api;

import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodService;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.ValidationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Cards (as gateway tokens) and Enterprise Agreement numbers (R-PAY-1). */
@Path("/payment-methods")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentMethodsResource {
  @Inject ApiCaller caller;
  @Inject PaymentMethodService methods;

  @GET
  @Operation(summary = "The organisation's payment methods")
  public List<MethodJson> list() {
    return methods.list(caller.get()).stream().map(MethodJson::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Add a card {type: CARD, cardNumber, expiryMonth, expiryYear, cvc} (the number goes to the "
              + "gateway only) or an EA {type: ENTERPRISE_AGREEMENT, eaNumber, label}")
  public Response add(JsonObject body, @Context UriInfo uri) {
    JsonInput in =
        JsonInput.of(
            body,
            Set.of("type", "cardNumber", "expiryMonth", "expiryYear", "cvc", "eaNumber", "label"));
    String type = in.string("type");
    String number = in.string("cardNumber");
    Integer month = in.integer("expiryMonth");
    Integer year = in.integer("expiryYear");
    String cvc = in.string("cvc");
    String ea = in.string("eaNumber");
    String label = in.string("label");
    in.done();
    PaymentMethod method;
    if ("CARD".equals(type)) {
      method =
          methods.addCard(caller.get(), new PaymentMethodService.NewCard(number, month, year, cvc));
    } else if ("ENTERPRISE_AGREEMENT".equals(type)) {
      method = methods.addEnterpriseAgreement(caller.get(), ea, label);
    } else {
      throw ValidationException.of("type", "'type' must be CARD or ENTERPRISE_AGREEMENT.");
    }
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(method.id())).build())
        .entity(MethodJson.of(method))
        .build();
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Remove a payment method (fundings that used it keep referring to it)")
  public Response remove(@PathParam("id") String id) {
    long parsed;
    try {
      parsed = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("The payment method");
    }
    methods.remove(caller.get(), parsed);
    return Response.noContent().build();
  }

  /** A payment method as the API shows it: never a card number or token. */
  public record MethodJson(
      long id,
      String type,
      String description,
      String cardBrand,
      String cardLast4,
      Integer expiryMonth,
      Integer expiryYear,
      String eaNumber,
      String label,
      Instant createdAt) {
    static MethodJson of(PaymentMethod m) {
      return new MethodJson(
          m.id(),
          m.kind().name(),
          m.describe(),
          m.cardBrand(),
          m.cardLast4(),
          m.cardExpMonth(),
          m.cardExpYear(),
          m.eaNumber(),
          m.label(),
          m.createdAt());
    }
  }
}
