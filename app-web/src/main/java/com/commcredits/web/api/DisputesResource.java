package com.commcredits.web.api;

import com.commcredits.dispute.CallDispute;
import com.commcredits.dispute.DisputeDecisions;
import com.commcredits.dispute.DisputeStatus;
import com.commcredits.dispute.Disputes;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.Receipts;
import com.commcredits.web.documents.PdfDocuments;
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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Disputes of rated calls (R-DISPUTE): the operator's queue and decisions; a tenant reads its own.
 */
@Path("/disputes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisputesResource {
  @Inject ApiCaller caller;
  @Inject Disputes disputes;
  @Inject DisputeDecisions decisions;
  @Inject Receipts receipts;
  @Inject PdfDocuments pdfs;

  @GET
  @Operation(
      summary =
          "Disputes, newest first: every organisation's for the operator, the caller's own"
              + " otherwise; status OPEN, APPROVED or REJECTED (any when absent)")
  public PageJson list(
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("50") String size) {
    Page<CallDispute> found =
        disputes.list(
            caller.get(),
            status(status),
            QueryParams.integer("page", page),
            QueryParams.integer("size", size));
    return new PageJson(
        found.items().stream().map(DisputeJson::of).toList(),
        found.page(),
        found.size(),
        found.total());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One dispute; another organisation's 404 (except for the operator)")
  public DisputeJson get(@PathParam("id") String id) {
    return DisputeJson.of(disputes.get(caller.get(), ReceiptsResource.id(id)));
  }

  @POST
  @Path("/{id}/approval")
  @Operation(
      summary =
          "The operator approves an open dispute: {note} (optional). Refunds the call's charge back"
              + " to the lots that paid it and issues a credit note. Requires an Idempotency-Key"
              + " header: 201, the same key again 200; a decided dispute or a call already"
              + " refunded 409")
  public Response approve(
      @PathParam("id") String id,
      @Parameter(description = "client-chosen key, unique per approval")
          @HeaderParam("Idempotency-Key")
          String key,
      JsonObject body) {
    Caller operator = operator();
    String note = null;
    if (body != null) {
      JsonInput in = JsonInput.of(body, Set.of("note"));
      note = in.string("note");
      in.done();
    }
    if (key == null || key.isBlank() || key.length() > 100) {
      throw ValidationException.of(
          "Idempotency-Key", "Send an Idempotency-Key header of 1 to 100 characters.");
    }
    String why = note;
    long disputeId = ReceiptsResource.id(id);
    DisputeDecisions.Approval approval =
        Retries.call(() -> decisions.approve(operator, disputeId, why, key));
    return Response.status(approval.repeated() ? 200 : 201)
        .entity(DisputeJson.of(approval.dispute()))
        .build();
  }

  @POST
  @Path("/{id}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The operator rejects an open dispute: {reason}; a decided one 409")
  public DisputeJson reject(@PathParam("id") String id, JsonObject body) {
    Caller operator = operator();
    JsonInput in = JsonInput.of(body, Set.of("reason"));
    String reason = in.string("reason");
    in.done();
    long disputeId = ReceiptsResource.id(id);
    return DisputeJson.of(Retries.call(() -> decisions.reject(operator, disputeId, reason)));
  }

  @GET
  @Path("/{id}/credit-note")
  @Produces({PdfDocuments.CONTENT_TYPE, "application/problem+json"})
  @Operation(summary = "The credit note of an approved dispute as application/pdf")
  public Response creditNote(@PathParam("id") String id) {
    Caller c = caller.get();
    CallDispute dispute = disputes.get(c, ReceiptsResource.id(id));
    if (dispute.creditNoteId() == null) {
      throw new NotFoundException("The credit note");
    }
    return ReceiptsResource.pdf(pdfs, receipts.document(c, dispute.creditNoteId()));
  }

  private Caller operator() {
    Caller c = caller.get();
    c.require(Permission.OPERATE_TENANTS);
    return c;
  }

  private static DisputeStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    return Arrays.stream(DisputeStatus.values())
        .filter(s -> s.name().equals(status.strip()))
        .findFirst()
        .orElseThrow(() -> ValidationException.of("status", "Use OPEN, APPROVED or REJECTED."));
  }

  /** A page of disputes. */
  public record PageJson(List<DisputeJson> items, int page, int size, long total) {}

  /** A dispute as the API shows it. */
  public record DisputeJson(
      long id,
      long organisationId,
      String callId,
      MoneyJson charge,
      String reason,
      String status,
      String openedBy,
      Instant openedAt,
      String decidedBy,
      Instant decidedAt,
      String decisionReason,
      Long refundEntryId,
      Long creditNoteId) {
    static DisputeJson of(CallDispute d) {
      return new DisputeJson(
          d.id(),
          d.organisationId(),
          d.callId(),
          MoneyJson.of(d.charge()),
          d.reason(),
          d.status().name(),
          d.openedBy(),
          d.openedAt(),
          d.decidedBy(),
          d.decidedAt(),
          d.decisionReason(),
          d.refundEntryId(),
          d.creditNoteId());
    }
  }
}
