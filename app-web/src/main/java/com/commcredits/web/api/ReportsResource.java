package com.commcredits.web.api;

import com.commcredits.money.Money;
import com.commcredits.rating.CallKind;
import com.commcredits.rating.CallRecord;
import com.commcredits.rating.UsageFilter;
import com.commcredits.rating.UsageReport;
import com.commcredits.shared.Caller;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.ChargeResult;
import com.commcredits.web.pages.UsageExport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The PSTN usage report (R-REP-1) as CSV, Excel or JSON, streamed a thousand rows at a time so
 * memory stays constant whatever the period. The filter is checked before the first byte: a bad one
 * is a problem document.
 */
@Path("/reports")
@RequestScoped
public class ReportsResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject ApiCaller caller;
  @Inject UsageReport report;

  @GET
  @Path("/pstn-usage")
  @Operation(
      summary =
          "One row per rated call with its funding (pool minutes, which lots paid how much); from/to "
              + "are dates of the organisation's calendar (default the last 30 days, at most a year)")
  public Response pstnUsage(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Parameter(description = "csv, xlsx or json (default json)") @QueryParam("format")
          String format,
      @Parameter(description = "only this user's calls (UPN)") @QueryParam("user") String user,
      @Parameter(description = "OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT")
          @QueryParam("kind")
          String kind) {
    String chosen =
        format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals("json") && !chosen.equals("csv") && !chosen.equals("xlsx")) {
      throw ValidationException.of("format", "'format' must be csv, xlsx or json.");
    }
    Caller who = caller.get();
    UsageFilter filter =
        report.filter(
            who, QueryParams.date("from", from), QueryParams.date("to", to), user, kind(kind));
    return switch (chosen) {
      case "csv" ->
          download(
              (StreamingOutput) out -> UsageExport.csv(report, who, filter, out),
              "text/csv;charset=UTF-8",
              "pstn-usage.csv");
      case "xlsx" ->
          download(
              (StreamingOutput) out -> UsageExport.xlsx(report, who, filter, out),
              XLSX,
              "pstn-usage.xlsx");
      default ->
          Response.ok((StreamingOutput) out -> json(who, filter, out), "application/json").build();
    };
  }

  private static Response download(StreamingOutput body, String type, String filename) {
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .build();
  }

  /**
   * One factory for every answer: {@code Json.createGenerator} looks the provider up again on each
   * call. The generator writes through a 64 KiB buffer (a day is some 2,700 records, 1.5 MB).
   */
  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  private void json(Caller who, UsageFilter filter, OutputStream out) {
    try (JsonGenerator json =
        GENERATORS.createGenerator(
            new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
      json.writeStartObject()
          .write("from", filter.from().toString())
          .write("to", filter.to().toString());
      json.writeStartArray("records");
      report.forEach(who, filter, row -> record(json, row));
      json.writeEnd().writeEnd();
    }
  }

  /** One record, with the names of R-REP-1. */
  private static void record(JsonGenerator json, UsageReport.Row row) {
    CallRecord c = row.call();
    json.writeStartObject().write("usageId", c.id()).write("callId", c.callId());
    nullable(json, "userLocation", c.userLocation());
    nullable(json, "userUpn", c.userUpn());
    nullable(json, "userDisplayName", c.userName());
    json.write("callerNumber", c.fromNumber())
        .write("callType", c.kind().name())
        .write("numberType", c.kind() == CallKind.TOLL_FREE_INBOUND ? "TOLL_FREE" : "USER")
        .write("domestic", c.domestic())
        .write("destinationDialed", c.destinationCountry())
        .write("destinationNumber", c.toNumber())
        .write("startTime", c.startAt().toString())
        .write("endTime", c.endAt().toString())
        .write("durationSeconds", c.durationSeconds());
    money(json, "connectionFee", c.connectionFee(), c.currency());
    money(json, "charge", c.charge(), c.currency());
    json.write("currency", c.currency());
    nullable(json, "capabilityUsed", c.capabilityUsed());
    json.write("poolMinutes", c.poolMinutes()).writeStartArray("fundedBy");
    for (ChargeResult.LotPayment p : row.fundedBy()) {
      json.writeStartObject();
      if (p.lotId() == null) {
        json.writeNull("lotId");
      } else {
        json.write("lotId", p.lotId());
      }
      money(json, "amount", p.amount(), c.currency());
      json.writeEnd();
    }
    json.writeEnd().writeEnd();
  }

  private static void money(JsonGenerator json, String name, BigDecimal amount, String currency) {
    json.writeStartObject(name)
        .write("amount", Money.of(amount, currency).toPlainString())
        .write("currency", currency)
        .writeEnd();
  }

  private static void nullable(JsonGenerator json, String name, String value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }

  private static CallKind kind(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return CallKind.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(
          "kind", "'kind' must be OUTBOUND, TOLL_FREE_INBOUND or CONFERENCE_DIAL_OUT.");
    }
  }
}
