package com.commcredits.web.api;

import com.commcredits.operator.OperatorDesk;
import com.commcredits.organisation.Organisation;
import com.commcredits.payment.EaAgreement;
import com.commcredits.payment.EaAgreements;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.Adjustments;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.Reversals;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The operator's API (R-FUND-12, R-PAY-1): only Global admin keys of the organisation that
 * publishes the rates. Find a tenant, read its wallet, adjust it, refund one of its calls, and
 * register its Enterprise Agreements. Anyone else gets 403.
 */
@Path("/operator")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {
  @Inject ApiCaller caller;
  @Inject OperatorDesk desk;
  @Inject Adjustments adjustments;
  @Inject EaAgreements agreements;

  private Caller operator() {
    Caller c = caller.get();
    c.require(Permission.OPERATE_TENANTS);
    return c;
  }

  @GET
  @Path("/organisations")
  @Operation(summary = "Organisations whose name contains q (all when q is blank), by name")
  public List<OrganisationJson> organisations(@QueryParam("q") String q) {
    return desk.search(operator(), q).stream().map(OrganisationJson::of).toList();
  }

  @GET
  @Path("/organisations/{id}")
  @Operation(summary = "A tenant: its wallet's balance and its ledger, newest first")
  public TenantJson tenant(
      @PathParam("id") String id,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    OperatorDesk.Tenant tenant =
        desk.tenant(
            operator(),
            id(id),
            QueryParams.integer("page", page),
            QueryParams.integer("size", size));
    return new TenantJson(
        OrganisationJson.of(tenant.organisation()),
        tenant.wallet() == null ? null : MoneyJson.of(tenant.wallet().balance()),
        tenant.recent().items().stream().map(EntryJson::of).toList(),
        tenant.agreements().stream().map(AgreementJson::of).toList());
  }

  @POST
  @Path("/organisations/{id}/wallet/adjustments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "A manual credit or debit of the tenant's wallet: {direction: CREDIT or DEBIT, amount: "
              + "{amount, currency}, reason}. Requires an Idempotency-Key header: the same key "
              + "returns the first entry and moves no money again. 201 with the ledger entry.")
  public Response adjust(
      @PathParam("id") String id,
      @Parameter(description = "client-chosen key, unique per adjustment")
          @HeaderParam("Idempotency-Key")
          String key,
      JsonObject body) {
    Caller operator = operator();
    long organisationId = id(id);
    JsonInput in = JsonInput.of(body, Set.of("direction", "amount", "reason"));
    String direction = in.string("direction");
    String[] amount = in.money("amount");
    String reason = in.string("reason");
    requireKey(key);
    in.done();
    LedgerEntry entry =
        Retries.call(
            () ->
                adjustments.adjust(
                    operator,
                    organisationId,
                    new Adjustments.Adjustment(direction, amount[0], amount[1], reason, key)));
    return Response.status(201).entity(EntryJson.of(entry)).build();
  }

  @POST
  @Path("/calls/{callId}/refund")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Refunds a rated call's wallet charge back to the lots that paid it: {organisationId, "
              + "reason} (a call id is unique only within an organisation). Requires an "
              + "Idempotency-Key header. 201 with the refund's entry; the same key again 200 with "
              + "it; a call already refunded 409; a call of another organisation 404.")
  public Response refund(
      @PathParam("callId") String callId,
      @Parameter(description = "client-chosen key, unique per refund")
          @HeaderParam("Idempotency-Key")
          String key,
      JsonObject body) {
    Caller operator = operator();
    JsonInput in = JsonInput.of(body, Set.of("organisationId", "reason"));
    Long organisationId = in.longValue("organisationId");
    String reason = in.string("reason");
    requireKey(key);
    in.done();
    if (organisationId == null) {
      throw ValidationException.of("organisationId", "'organisationId' is required.");
    }
    Reversals.Refund refund =
        Retries.call(() -> desk.refundCall(operator, organisationId, callId, reason, key));
    return Response.status(refund.repeated() ? 200 : 201)
        .entity(EntryJson.of(refund.entry()))
        .build();
  }

  @GET
  @Path("/organisations/{id}/ea-agreements")
  @Operation(summary = "The tenant's registered Enterprise Agreements")
  public List<AgreementJson> agreements(@PathParam("id") String id) {
    return agreements.list(operator(), id(id)).stream().map(AgreementJson::of).toList();
  }

  @POST
  @Path("/organisations/{id}/ea-agreements")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Registers an EA number for the tenant: {eaNumber, customer, monthlyLimit: {amount, "
              + "currency}}. 201; 409 when it is already registered for it.")
  public Response register(@PathParam("id") String id, JsonObject body) {
    Caller operator = operator();
    long organisationId = id(id);
    JsonInput in = JsonInput.of(body, Set.of("eaNumber", "customer", "monthlyLimit"));
    String number = in.string("eaNumber");
    String customer = in.string("customer");
    String[] limit = in.money("monthlyLimit");
    in.done();
    EaAgreement agreement =
        Retries.call(
            () ->
                agreements.register(
                    operator,
                    organisationId,
                    new EaAgreements.Registration(number, customer, limit[0], limit[1])));
    return Response.status(201).entity(AgreementJson.of(agreement)).build();
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank() || key.length() > 100) {
      throw ValidationException.of(
          "Idempotency-Key", "Send an Idempotency-Key header of 1 to 100 characters.");
    }
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("The organisation");
    }
  }

  /** An organisation as the operator's API shows it. */
  public record OrganisationJson(
      long id, String name, String billingCountry, String currency, String timeZone) {
    static OrganisationJson of(Organisation o) {
      return new OrganisationJson(
          o.id(), o.name(), o.billingCountry(), o.currency().name(), o.timeZone().getId());
    }
  }

  /** A tenant with its balance (null without a wallet), recent entries and agreements. */
  public record TenantJson(
      OrganisationJson organisation,
      MoneyJson balance,
      List<EntryJson> entries,
      List<AgreementJson> eaAgreements) {}

  /** A registered Enterprise Agreement. */
  public record AgreementJson(
      long id,
      String eaNumber,
      String customer,
      MoneyJson monthlyLimit,
      Instant registeredAt,
      String registeredBy) {
    static AgreementJson of(EaAgreement a) {
      return new AgreementJson(
          a.id(),
          a.eaNumber(),
          a.customer(),
          MoneyJson.of(a.monthlyLimit()),
          a.registeredAt(),
          a.registeredBy());
    }
  }
}
