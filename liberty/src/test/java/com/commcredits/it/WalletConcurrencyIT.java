package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The many-threaded proof of R-FUND-8 over HTTP: rating from 4 threads while auto-recharge fires
 * again and again and fundings arrive, then the ledger sums checked with direct SQL.
 */
@ExtendWith(ArquillianExtension.class)
class WalletConcurrencyIT {
  private static final int THREADS = 4;
  private static final int BATCHES = 12;
  private static final int CALLS = 200;
  private static final int FUNDINGS = 8;

  @ArquillianResource URL base;

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private HttpResponse<String> send(String method, String path, String key, String body)
      throws Exception {
    return send(method, path, key, body, null);
  }

  private HttpResponse<String> send(
      String method, String path, String key, String body, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve("api/v1/" + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long created(HttpResponse<String> reply) {
    assertTrue(reply.statusCode() == 200 || reply.statusCode() == 201, reply.body());
    return Json.createReader(new StringReader(reply.body()))
        .readObject()
        .getJsonNumber("id")
        .longValue();
  }

  private static String call(String id, String upn) {
    Instant start = Fixtures.recentCallStart();
    // two minutes to London: 2 x 0.03 from the wallet
    return "{\"callId\":\""
        + id
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\",\"to\":\"+442079460000\",\"start\":\""
        + start
        + "\",\"end\":\""
        + start.plusSeconds(120)
        + "\",\"durationSeconds\":120}";
  }

  private static String money(String amount) {
    return "{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}";
  }

  @Test
  void
      R_FUND_8_rating_from_four_threads_with_auto_recharge_and_fundings_loses_nothing_and_never_answers_5xx()
          throws Exception {
    TestOrg org = Fixtures.organisation("Concurrency", "USD");
    Fixtures.card(org);
    String admin = org.key(Role.GLOBAL_ADMIN);
    String platform = org.key(Role.PLATFORM);
    for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
      HttpResponse<String> bought =
          send("POST", "subscriptions", admin, "{\"sku\":\"" + sku + "\",\"quantity\":5}");
      assertTrue(bought.statusCode() < 300, bought.body());
    }
    int year = YearMonth.now().getYear() + 2;
    long card =
        created(
            send(
                "POST",
                "payment-methods",
                admin,
                "{\"type\":\"CARD\",\"cardNumber\":\"4242424242424242\",\"expiryMonth\":12,"
                    + "\"expiryYear\":"
                    + year
                    + ",\"cvc\":\"123\"}"));
    Fixtures.eaAgreement(org, "55667788");
    long ea =
        created(
            send(
                "POST",
                "payment-methods",
                admin,
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"55667788\"}"));
    assertEquals(
        201,
        send(
                "POST",
                "wallet/fundings",
                admin,
                "{\"amount\":" + money("100.00") + ",\"paymentMethodId\":" + ea + "}",
                UUID.randomUUID().toString())
            .statusCode());
    String upn = "caller@" + org.domain();
    HttpResponse<String> user =
        send(
            "POST",
            "users",
            admin,
            "{\"displayName\":\"Caller\",\"upn\":\"" + upn + "\",\"usageLocation\":\"US\"}");
    assertTrue(user.statusCode() < 300, user.body());
    for (String sku : List.of("BUSINESS_VOICE", "COMMUNICATIONS_CREDITS")) {
      assertEquals(200, send("PUT", "users/" + upn + "/licences/" + sku, admin, "").statusCode());
    }
    // 48 batches of 12.00 (576.00) against 180.00 of fundings: the first crossing of 50.00 comes
    // after about 11 batches; a recharge of 400.00 lifts the balance above 50.00 however late it
    // lands (recharges never chain), and the batches take it below again after about 44 batches
    // in all, so the trigger is crossed twice even on a busy machine
    HttpResponse<String> settings =
        send(
            "PUT",
            "wallet/auto-recharge",
            admin,
            "{\"enabled\":true,\"rechargeAmount\":"
                + money("400.00")
                + ",\"triggerBelow\":"
                + money("50.00")
                + ",\"paymentMethodId\":"
                + card
                + "}");
    assertEquals(200, settings.statusCode(), settings.body());
    long wallet = Fixtures.count("SELECT id FROM wallet WHERE organisation_id = ?", org.id());

    List<String> serverErrors = new CopyOnWriteArrayList<>();
    Map<String, String> statusOfCall = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int b = 0; b < BATCHES; b++) {
                  List<String> records = new ArrayList<>();
                  for (int i = 0; i < CALLS; i++) {
                    records.add(call("t" + thread + "-b" + b + "-c" + i, upn));
                  }
                  HttpResponse<String> reply =
                      send("POST", "calls", platform, "[" + String.join(",", records) + "]");
                  if (reply.statusCode() >= 500) {
                    serverErrors.add("POST /calls " + reply.statusCode() + " " + reply.body());
                    continue;
                  }
                  assertEquals(200, reply.statusCode(), reply.body());
                  JsonArray results = Json.createReader(new StringReader(reply.body())).readArray();
                  for (JsonObject r : results.getValuesAs(JsonObject.class)) {
                    statusOfCall.merge(
                        r.getString("callId"), r.getString("status"), (a, x) -> a + "," + x);
                  }
                  // a platform posts a batch now and then, not back to back: a recharge's
                  // transactions get their turn at the wallet between batches
                  Thread.sleep(100);
                }
                return null;
              }));
    }
    List<String> fundingKeys = new ArrayList<>();
    for (int f = 0; f < FUNDINGS; f++) {
      fundingKeys.add(UUID.randomUUID().toString());
    }
    done.add(
        pool.submit(
            () -> {
              start.await();
              for (int f = 0; f < FUNDINGS; f++) {
                long method = f % 2 == 0 ? card : ea;
                String body =
                    "{\"amount\":" + money("10.00") + ",\"paymentMethodId\":" + method + "}";
                // each key sent twice: the repeat answers the first result and moves no money
                for (int repeat = 0; repeat < 2; repeat++) {
                  HttpResponse<String> reply =
                      send("POST", "wallet/fundings", admin, body, fundingKeys.get(f));
                  if (reply.statusCode() >= 500) {
                    serverErrors.add(
                        "POST /wallet/fundings " + reply.statusCode() + " " + reply.body());
                  } else {
                    assertTrue(
                        reply.statusCode() == 200 || reply.statusCode() == 201, reply.body());
                  }
                }
              }
              return null;
            }));
    start.countDown();
    for (Future<?> f : done) {
      f.get(3, TimeUnit.MINUTES);
    }
    pool.shutdown();
    awaitNoRechargeInFlight(wallet);

    assertEquals(List.of(), serverErrors, "no 5xx answer");
    int calls = THREADS * BATCHES * CALLS;
    assertEquals(calls, statusOfCall.size(), "every call answered");
    assertEquals(
        List.of(),
        statusOfCall.entrySet().stream()
            .filter(e -> !e.getValue().equals("RATED"))
            .map(e -> e.getKey() + "=" + e.getValue())
            .limit(10)
            .toList(),
        "every call rated exactly once");
    assertEquals(
        calls,
        Fixtures.count("SELECT COUNT(*) FROM call_record WHERE organisation_id = ?", org.id()));
    assertEquals(
        calls,
        Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ? AND entry_type = 'CHARGE'",
            wallet),
        "one charge per call");
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE wallet_id = ? "
                    + "AND entry_type = 'CHARGE'",
                wallet)
            .compareTo(new BigDecimal("-0.06").multiply(BigDecimal.valueOf(calls))),
        "0.06 per call");
    assertEquals(
        1 + FUNDINGS,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND source <> 'AUTO_RECHARGE'",
            wallet),
        "one lot per funding key");
    long recharged =
        Fixtures.count(
            "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND status = 'SUCCEEDED'",
            wallet);
    assertTrue(recharged >= 2, "the trigger was crossed again and again: " + recharged);
    assertTrue(recharged <= 5, "at most 5 recharges in 24 hours: " + recharged);
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND status <> 'SUCCEEDED'",
            wallet),
        "no recharge failed or stuck");
    assertEquals(
        recharged,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ? AND source = 'AUTO_RECHARGE' "
                + "AND amount = 400",
            wallet),
        "one lot of exactly the recharge amount per recharge");
    assertLedgerInvariant(wallet);
  }

  private static void awaitNoRechargeInFlight(long wallet) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Fixtures.count(
            "SELECT COUNT(*) FROM recharge_attempt WHERE wallet_id = ? AND in_flight = 1", wallet)
        > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("a recharge is still in flight after 60 s");
      }
      Thread.sleep(200);
    }
  }

  /** R-FUND-6 with direct SQL: balance = ledger = lot remainders − negative amount; lots add up. */
  private static void assertLedgerInvariant(long wallet) {
    BigDecimal balance = Fixtures.decimal("SELECT balance FROM wallet WHERE id = ?", wallet);
    BigDecimal ledger =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE wallet_id = ?", wallet);
    BigDecimal remainders =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(remaining), 0) FROM funding_lot WHERE wallet_id = ?", wallet);
    BigDecimal negative = balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
    assertEquals(0, balance.compareTo(ledger), "balance " + balance + " = ledger " + ledger);
    assertEquals(
        0,
        remainders.subtract(negative).compareTo(balance),
        "lot remainders " + remainders + " - negative " + negative + " = balance " + balance);
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM funding_lot l WHERE l.wallet_id = ? AND l.amount - l.remaining <> "
                + "(SELECT COALESCE(SUM(a.amount), 0) FROM lot_allocation a WHERE a.lot_id = l.id)",
            wallet),
        "every lot's allocations account for what it paid");
    assertEquals(
        0,
        Fixtures.decimal(
                "SELECT balance_after FROM ledger_entry WHERE wallet_id = ? ORDER BY id DESC LIMIT 1",
                wallet)
            .compareTo(balance),
        "the last entry carries the balance");
  }
}
