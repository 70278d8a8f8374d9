package com.commcredits.web.api;

import com.commcredits.money.Money;
import com.commcredits.recharge.RechargeService;
import com.commcredits.shared.FieldError;
import com.commcredits.shared.Keyset;
import com.commcredits.shared.Retries;
import com.commcredits.shared.ValidationException;
import com.commcredits.wallet.AddFunds;
import com.commcredits.wallet.FundingLot;
import com.commcredits.wallet.FundingOutcome;
import com.commcredits.wallet.FundingService;
import com.commcredits.wallet.FundingStatus;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.RunwayForecast;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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
 * The Communications Credits wallet: balance and lots, adding funds, the ledger (R-FUND, R-REP-3).
 */
@Path("/wallet")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WalletResource {
  @Inject ApiCaller caller;
  @Inject WalletQueries wallets;
  @Inject FundingService fundings;
  @Inject RechargeService recharge;

  @GET
  @Operation(
      summary =
          "Balance, currency and lots (remaining, expiry, projectedUnused) of the wallet, its runway"
              + " at the last 30 days' pace and the funds projected to expire unused (R-SEE)")
  public WalletJson get() {
    Wallet wallet = wallets.get(caller.get());
    RunwayForecast forecast = wallets.forecast(wallet);
    List<LotJson> lots =
        wallets.lots(caller.get()).stream()
            .map(l -> LotJson.of(l, wallet.currency().name(), forecast.projectedUnused(l.id())))
            .toList();
    String currency = wallet.currency().name();
    AutoRechargeJson auto =
        recharge
            .settings(caller.get())
            .map(
                r ->
                    new AutoRechargeJson(
                        r.enabled(),
                        MoneyJson.of(r.rechargeAmount(), currency),
                        MoneyJson.of(r.triggerBelow(), currency),
                        r.paymentMethodId(),
                        r.purchaseOrder(),
                        r.isSuspended(),
                        r.mode().name(),
                        r.targetBalance() == null
                            ? null
                            : MoneyJson.of(r.targetBalance(), currency),
                        r.monthlyCap() == null ? null : MoneyJson.of(r.monthlyCap(), currency)))
            .orElse(null);
    Money balance = wallets.balance(wallet); // net of lots past their expiry (R-FUND-10)
    return new WalletJson(
        wallet.id(),
        MoneyJson.of(balance),
        currency,
        balance.isPositive(),
        lots,
        auto,
        RunwayJson.of(forecast),
        MoneyJson.of(forecast.expiringUnused()));
  }

  @PUT
  @Path("/auto-recharge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Auto-recharge settings (R-RECH-1, R-GUARD-4): {enabled, rechargeAmount, triggerBelow, "
              + "paymentMethodId, purchaseOrder, mode: FIXED|TARGET, targetBalance, monthlyCap}; TARGET "
              + "adds what brings the balance to targetBalance (within the funding limits); monthlyCap "
              + "bounds the money recharged in a month; saving with enabled=true also lifts a suspension")
  public WalletJson autoRecharge(JsonObject body) {
    var settings = AutoRechargeInput.read(body);
    Retries.call(() -> recharge.save(caller.get(), settings));
    return get();
  }

  @POST
  @Path("/fundings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Add funds by card or on an Enterprise Agreement with a PO. Requires an Idempotency-Key "
              + "header: the same key and body return the first result; the same key with another body answers 422. "
              + "201 when the funds are in, 202 while a card payment's outcome is pending, 402 when the payment failed.")
  public Response addFunds(
      @Parameter(description = "client-chosen key, unique per request")
          @HeaderParam("Idempotency-Key")
          String key,
      JsonObject body) {
    JsonInput in = JsonInput.of(body, Set.of("amount", "paymentMethodId", "purchaseOrder"));
    String[] amount = in.money("amount");
    Long methodId = in.longValue("paymentMethodId");
    String po = in.string("purchaseOrder");
    if (key == null || key.isBlank() || key.length() > 100) {
      throw ValidationException.of(
          "Idempotency-Key", "Send an Idempotency-Key header of 1 to 100 characters.");
    }
    if (methodId == null && body != null && !body.containsKey("paymentMethodId")) {
      throw ValidationException.of("paymentMethodId", "'paymentMethodId' is required.");
    }
    in.done();
    FundingOutcome outcome =
        fundings.addFunds(caller.get(), new AddFunds(amount[0], amount[1], methodId, po, key));
    FundingJson json = FundingJson.of(outcome);
    if (outcome.status() == FundingStatus.FAILED || outcome.status() == FundingStatus.CANCELLED) {
      return new Problem(
              "/problems/payment-failed",
              "Payment failed",
              402,
              outcome.funding().failureReason()
                  + " No funds were added (funding "
                  + outcome.funding().id()
                  + ").",
              null,
              List.of(new FieldError("paymentMethodId", outcome.funding().failureReason())))
          .toResponse();
    }
    return Response.status(outcome.status() == FundingStatus.PENDING ? 202 : 201)
        .entity(json)
        .build();
  }

  @GET
  @Path("/transactions")
  @Operation(
      summary =
          "Ledger entries, newest first, with the balance after each; from/to are dates (YYYY-MM-DD) "
              + "of the organisation's calendar. Page with the cursors: `before` = the answer's "
              + "`older` (the next, older page), `after` = its `newer`; every page costs the same. "
              + "`page` (an offset of `size` entries) works while the page starts within the "
              + "first 10,000 entries (page × size < 10,000); deeper, it answers 400 naming "
              + "the cursor `before`. `total` is exact up to 10,000; above, it is 10,000 and "
              + "`totalIsLowerBound` is true.")
  public TransactionsJson transactions(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Parameter(
              description =
                  "offset page (0 first), starting within the first 10,000 entries; prefer the"
                      + " before/after cursors")
          @QueryParam("page")
          @DefaultValue("0")
          String page,
      @QueryParam("size") @DefaultValue("100") String size,
      @Parameter(description = "entries older than this id: the `older` of the previous answer")
          @QueryParam("before")
          String before,
      @Parameter(description = "entries newer than this id: the `newer` of the previous answer")
          @QueryParam("after")
          String after) {
    int pageNumber = QueryParams.integer("page", page);
    int pageSize = QueryParams.integer("size", size);
    Long beforeId = before == null || before.isBlank() ? null : QueryParams.id("before", before);
    Long afterId = after == null || after.isBlank() ? null : QueryParams.id("after", after);
    Keyset<LedgerEntry> entries =
        pageNumber > 0 && beforeId == null && afterId == null
            ? wallets.transactionsAt(
                caller.get(),
                QueryParams.date("from", from),
                QueryParams.date("to", to),
                pageNumber,
                pageSize)
            : wallets.transactions(
                caller.get(),
                QueryParams.date("from", from),
                QueryParams.date("to", to),
                beforeId,
                afterId,
                pageSize);
    return new TransactionsJson(
        entries.items().stream().map(EntryJson::of).toList(),
        beforeId == null && afterId == null ? pageNumber : null,
        pageSize,
        entries.total(),
        entries.totalCapped(),
        entries.newer(),
        entries.older());
  }

  /** The wallet as the API shows it. */
  public record WalletJson(
      long id,
      MoneyJson balance,
      String currency,
      boolean canPayForCalls,
      List<LotJson> lots,
      AutoRechargeJson autoRecharge,
      RunwayJson runway,
      MoneyJson expiringUnused) {}

  /** Auto-recharge settings. */
  public record AutoRechargeJson(
      boolean enabled,
      MoneyJson rechargeAmount,
      MoneyJson triggerBelow,
      long paymentMethodId,
      String purchaseOrder,
      boolean suspended,
      String mode,
      MoneyJson targetBalance,
      MoneyJson monthlyCap) {}

  /** A funding lot. */
  public record LotJson(
      long id,
      MoneyJson amount,
      MoneyJson remaining,
      Instant purchasedAt,
      Instant expiresAt,
      String source,
      String paymentReference,
      Instant expiredAt,
      MoneyJson projectedUnused) {
    static LotJson of(FundingLot l, String currency, Money projectedUnused) {
      return new LotJson(
          l.id(),
          MoneyJson.of(l.amount(), currency),
          MoneyJson.of(l.remaining(), currency),
          l.purchasedAt(),
          l.expiresAt(),
          l.source().name(),
          l.paymentReference(),
          l.expiredAt(),
          projectedUnused == null ? null : MoneyJson.of(projectedUnused));
    }
  }

  /** A funding request and its outcome. */
  public record FundingJson(
      long id,
      String status,
      MoneyJson amount,
      long paymentMethodId,
      String purchaseOrder,
      String failureReason,
      LotJson lot,
      MoneyJson balance,
      Instant requestedAt,
      Instant resolvedAt) {
    static FundingJson of(FundingOutcome o) {
      var f = o.funding();
      return new FundingJson(
          f.id(),
          f.status().name(),
          MoneyJson.of(f.amount(), f.currency()),
          f.paymentMethodId(),
          f.purchaseOrder(),
          f.failureReason(),
          o.lot() == null ? null : LotJson.of(o.lot(), f.currency(), null),
          MoneyJson.of(o.balanceAfter(), f.currency()),
          f.requestedAt(),
          f.resolvedAt());
    }
  }
}
