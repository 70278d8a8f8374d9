package com.commcredits.web.api;

import com.commcredits.pools.PoolService;
import com.commcredits.pools.PoolView;
import com.commcredits.shared.ValidationException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The minute pools of a month (R-REP-2). */
@Path("/pools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PoolsResource {
  @Inject ApiCaller caller;
  @Inject PoolService pools;

  @GET
  @Operation(
      summary =
          "Per country and kind: total, used and available minutes of a month (YYYY-MM, default the "
              + "current month in the organisation's time zone)")
  public PoolsJson list(@QueryParam("month") String month) {
    YearMonth m;
    if (month == null || month.isBlank()) {
      m = pools.currentMonth(caller.get());
    } else {
      try {
        m = YearMonth.parse(month.strip());
      } catch (DateTimeParseException e) {
        throw ValidationException.of("month", "'month' must look like 2026-11.");
      }
    }
    return new PoolsJson(
        m.toString(), pools.pools(caller.get(), m).stream().map(PoolJson::of).toList());
  }

  /** The pools of one month. */
  public record PoolsJson(String month, List<PoolJson> pools) {}

  /** One pool. */
  public record PoolJson(
      String country, String kind, long totalMinutes, long usedMinutes, long availableMinutes) {
    static PoolJson of(PoolView v) {
      return new PoolJson(
          v.country(), v.kind().name(), v.totalMinutes(), v.usedMinutes(), v.availableMinutes());
    }
  }
}
