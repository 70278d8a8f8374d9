package com.commcredits.web.api;

import com.commcredits.reconciliation.Finding;
import com.commcredits.reconciliation.ReconciliationRun;
import com.commcredits.reconciliation.ReconciliationService;
import com.commcredits.reconciliation.RunMode;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.ValidationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The nightly reconciliation's runs (R-RECON-2, R-RECON-3): the operator's Global admins only;
 * everyone else gets 404.
 */
@Path("/reconciliation/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
  private static final int MAX_FINDINGS = 1000;

  @Inject ApiCaller caller;
  @Inject ReconciliationService reconciliation;
  @Inject Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start a run {mode: INCREMENTAL|FULL}: 202 with its location, 409 while one runs")
  public Response start(JsonObject body, @Context UriInfo uri) {
    JsonInput in = JsonInput.of(body == null ? JsonObject.EMPTY_JSON_OBJECT : body, Set.of("mode"));
    String mode = in.string("mode");
    in.done();
    RunMode parsed;
    if (mode == null) {
      parsed = RunMode.INCREMENTAL;
    } else {
      try {
        parsed = RunMode.valueOf(mode);
      } catch (IllegalArgumentException e) {
        throw ValidationException.of("mode", "'mode' must be INCREMENTAL or FULL.");
      }
    }
    ReconciliationRun run = reconciliation.start(caller.get(), parsed);
    return Response.accepted(RunJson.of(run, clock.instant(), null))
        .location(uri.getAbsolutePathBuilder().path(String.valueOf(run.id())).build())
        .build();
  }

  @GET
  @Operation(summary = "The latest runs, newest first")
  public List<RunJson> list(@QueryParam("limit") @DefaultValue("50") String limit) {
    Instant now = clock.instant();
    return reconciliation.runs(caller.get(), QueryParams.integer("limit", limit)).stream()
        .map(r -> RunJson.of(r, now, null))
        .toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One run: status, counts, duration and its findings (the first 1000)")
  public RunJson one(@PathParam("id") String id) {
    long runId;
    try {
      runId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("The reconciliation run");
    }
    ReconciliationRun run = reconciliation.run(caller.get(), runId);
    return RunJson.of(
        run,
        clock.instant(),
        reconciliation.findings(caller.get(), runId, null, null, 0, MAX_FINDINGS).stream()
            .map(FindingJson::of)
            .toList());
  }

  /** A run. */
  public record RunJson(
      long id,
      String mode,
      String status,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      long durationMillis,
      int partitionsTotal,
      int partitionsDone,
      int percent,
      long walletsChecked,
      long entriesChecked,
      int lotsExpired,
      int paymentsSettled,
      int findingCount,
      String error,
      List<FindingJson> findings) {
    static RunJson of(ReconciliationRun r, Instant now, List<FindingJson> findings) {
      return new RunJson(
          r.id(),
          r.mode().name(),
          r.status().name(),
          r.startedBy(),
          r.startedAt(),
          r.finishedAt(),
          r.duration(now).toMillis(),
          r.partitionsTotal(),
          r.partitionsDone(),
          r.percent(),
          r.walletsChecked(),
          r.entriesChecked(),
          r.lotsExpired(),
          r.paymentsSettled(),
          r.findings(),
          r.error(),
          findings);
    }
  }

  /** A finding. */
  public record FindingJson(
      long id,
      String kind,
      Long organisationId,
      Long walletId,
      String subject,
      String expected,
      String actual,
      String detail) {
    static FindingJson of(Finding f) {
      return new FindingJson(
          f.id(),
          f.kind().name(),
          f.organisationId(),
          f.walletId(),
          f.subject(),
          f.expected(),
          f.actual(),
          f.detail());
    }
  }
}
