package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wallet through the JSON API: fundings, idempotency, payment methods, bad input, other
 * organisations.
 */
@ExtendWith(ArquillianExtension.class)
class WalletApiIT {
  private static TestOrg org;
  private static TestOrg other;
  private static long walletId;

  @ArquillianResource URL base;
  private ApiClient api;
  private String admin;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeAll
  static void organisations() {
    org = Fixtures.organisation("WalletApi", "USD");
    other = Fixtures.organisation("OtherApi", "GBP");
    walletId = Fixtures.wallet(org);
    Fixtures.wallet(other);
  }

  @BeforeEach
  void client() throws Exception {
    api = new ApiClient(base.toURI());
    admin = org.key(Role.BILLING_ADMIN);
  }

  private long card(String key, String number) {
    int year = YearMonth.now().getYear() + 2;
    ApiClient.Reply reply =
        api.post(
            "payment-methods",
            key,
            "{\"type\":\"CARD\",\"cardNumber\":\""
                + number
                + "\",\"expiryMonth\":12,\"expiryYear\":"
                + year
                + ",\"cvc\":\"123\"}");
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getJsonNumber("id").longValue();
  }

  /** An EA number of this class's organisation, registered first by the operator (R-PAY-1). */
  private long ea(String key, String number) {
    Fixtures.eaAgreement(org, number);
    ApiClient.Reply reply =
        api.post(
            "payment-methods",
            key,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + number + "\",\"label\":\"EA\"}");
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getJsonNumber("id").longValue();
  }

  private ApiClient.Reply fund(String idempotencyKey, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new ApiClient.Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        response);
  }

  private static String body(String amount, String currency, long methodId, String po) {
    return "{\"amount\":{\"amount\":\""
        + amount
        + "\",\"currency\":\""
        + currency
        + "\"},\"paymentMethodId\":"
        + methodId
        + (po == null ? "" : ",\"purchaseOrder\":\"" + po + "\"")
        + "}";
  }

  private long lots() {
    return Fixtures.count("SELECT COUNT(*) FROM funding_lot WHERE wallet_id = ?", walletId);
  }

  private BigDecimal balance() {
    return Fixtures.decimal("SELECT balance FROM wallet WHERE id = ?", walletId);
  }

  @Test
  void R_FUND_7_the_same_key_and_body_add_funds_once() throws Exception {
    long visa = card(admin, "4242424242424242");
    String key = UUID.randomUUID().toString();
    BigDecimal before = balance();
    long lotsBefore = lots();
    ApiClient.Reply first = fund(key, body("25.00", "USD", visa, null));
    ApiClient.Reply again = fund(key, body("25.00", "USD", visa, null));
    assertEquals(201, first.status(), first.body());
    assertEquals(201, again.status(), again.body());
    assertEquals(
        first.json().getJsonNumber("id").longValue(), again.json().getJsonNumber("id").longValue());
    assertEquals("SUCCEEDED", first.json().getString("status"));
    assertEquals(
        "25.00", first.json().getJsonObject("lot").getJsonObject("amount").getString("amount"));
    assertEquals(lotsBefore + 1, lots(), "one lot for one key");
    assertEquals(0, before.add(new BigDecimal("25")).compareTo(balance()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM sandbox_payment WHERE idempotency_key = ?",
            "funding-" + first.json().getJsonNumber("id").longValue()),
        "the gateway was paid once");
  }

  @Test
  void R_FUND_7_the_same_key_with_another_body_answers_422_and_changes_nothing() throws Exception {
    long visa = card(admin, "4242424242424242");
    String key = UUID.randomUUID().toString();
    assertEquals(201, fund(key, body("30.00", "USD", visa, null)).status());
    long lotsBefore = lots();
    ApiClient.Reply other = fund(key, body("31.00", "USD", visa, null));
    assertEquals(422, other.status(), other.body());
    assertTrue(other.contentType().startsWith("application/problem+json"));
    assertEquals(lotsBefore, lots());
  }

  @Test
  void R_FUND_7_a_funding_without_an_idempotency_key_is_refused_naming_the_header()
      throws Exception {
    long visa = card(admin, "4242424242424242");
    ApiClient.Reply reply = fund(null, body("20.00", "USD", visa, null));
    assertEquals(400, reply.status());
    assertEquals(
        "Idempotency-Key", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void R_PAY_2_a_declined_card_and_an_expired_card_add_nothing_and_say_why() throws Exception {
    long declined = card(admin, "4000000000000002");
    long expired = card(admin, "4000000000000069");
    long lotsBefore = lots();
    BigDecimal before = balance();
    ApiClient.Reply d = fund(UUID.randomUUID().toString(), body("40.00", "USD", declined, null));
    ApiClient.Reply e = fund(UUID.randomUUID().toString(), body("40.00", "USD", expired, null));
    assertEquals(402, d.status(), d.body());
    assertTrue(d.json().getString("detail").contains("declined"), d.body());
    assertEquals(402, e.status(), e.body());
    assertTrue(e.json().getString("detail").contains("expired"), e.body());
    assertEquals(lotsBefore, lots());
    assertEquals(0, before.compareTo(balance()));
  }

  @Test
  void R_PAY_3_an_EA_purchase_is_available_at_once_and_billed_to_the_EA_and_PO() throws Exception {
    long agreement = ea(admin, "12345678");
    ApiClient.Reply reply =
        fund(UUID.randomUUID().toString(), body("1500.00", "USD", agreement, "PO-7781"));
    assertEquals(201, reply.status(), reply.body());
    assertEquals("SUCCEEDED", reply.json().getString("status"));
    assertEquals("PURCHASE_ORDER", reply.json().getJsonObject("lot").getString("source"));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM ea_billing_line WHERE organisation_id = ? AND ea_number = "
                + "'12345678' AND purchase_order = 'PO-7781' AND amount = 1500",
            org.id()));
  }

  @Test
  void R_FUND_11_exponents_and_out_of_bounds_amounts_are_refused_at_once_naming_the_field()
      throws Exception {
    long visa = card(admin, "4242424242424242");
    long entriesBefore =
        Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ?", walletId);
    long lotsBefore = lots();
    BigDecimal balanceBefore = balance();
    for (String amount :
        List.of(
            "1E+100000000",
            "1e-100000000",
            "1E+1",
            "+20.00",
            "20.000",
            "12345678901234",
            "١٢",
            "1,000.00",
            "10.")) {
      ApiClient.Reply reply = fund(UUID.randomUUID().toString(), body(amount, "USD", visa, null));
      assertEquals(400, reply.status(), amount + " -> " + reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
      assertEquals("/problems/validation", reply.json().getString("type"));
      List<String> fields =
          reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
              .map(o -> o.getString("field"))
              .toList();
      assertEquals(List.of("amount"), fields, amount + " -> " + reply.body());
    }
    assertEquals(
        entriesBefore,
        Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = ?", walletId),
        "the ledger is unchanged");
    assertEquals(lotsBefore, lots());
    assertEquals(0, balanceBefore.compareTo(balance()));
  }

  @Test
  void R_FUND_9_bad_amounts_methods_and_purchase_orders_are_refused_naming_the_field()
      throws Exception {
    long visa = card(admin, "4242424242424242");
    long foreign = card(other.key(Role.GLOBAL_ADMIN), "4242424242424242");
    long lotsBefore = lots();
    long fundingsBefore =
        Fixtures.count("SELECT COUNT(*) FROM funding WHERE wallet_id = ?", walletId);
    record Case(String body, String field) {}
    for (Case c :
        List.of(
            new Case(body("0", "USD", visa, null), "amount"),
            new Case(body("-5.00", "USD", visa, null), "amount"),
            new Case(body("9.99", "USD", visa, null), "amount"),
            new Case(body("1.234", "USD", visa, null), "amount"),
            new Case(body("100000.01", "USD", visa, null), "amount"),
            new Case(body("abc", "USD", visa, null), "amount"),
            new Case(body("20.00", "EUR", visa, null), "amount.currency"),
            new Case(body("20.00", "USD", 987654321L, null), "paymentMethodId"),
            new Case(body("20.00", "USD", foreign, null), "paymentMethodId"),
            new Case(body("20.00", "USD", visa, "PO-1"), "purchaseOrder"),
            new Case(
                "{\"amount\":{\"amount\":\"20.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                    + visa
                    + ",\"tip\":1}",
                "tip"),
            new Case("{\"amount\":\"20.00\",\"paymentMethodId\":" + visa + "}", "amount"))) {
      ApiClient.Reply reply = fund(UUID.randomUUID().toString(), c.body());
      assertEquals(400, reply.status(), c.body() + " -> " + reply.body());
      assertTrue(reply.contentType().startsWith("application/problem+json"));
      List<String> fields =
          reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
              .map(o -> o.getString("field"))
              .toList();
      assertTrue(
          fields.contains(c.field()),
          c.body() + " should name " + c.field() + " but named " + fields);
    }
    assertEquals(lotsBefore, lots(), "nothing changed");
    assertEquals(
        fundingsBefore,
        Fixtures.count("SELECT COUNT(*) FROM funding WHERE wallet_id = ?", walletId));
  }

  @Test
  void R_PAY_1_the_card_number_is_never_stored_only_the_gateway_token_and_last_four()
      throws Exception {
    long id = card(admin, "5555555555554444");
    ApiClient.Reply list = api.get("payment-methods", admin);
    assertFalse(list.body().contains("5555555555554444"));
    assertFalse(list.body().contains("tok_"), "the token is not shown either");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM payment_method WHERE id = ? AND card_last4 = '4444' AND "
                + "card_brand = 'Mastercard' AND gateway_token LIKE 'tok_sandbox_%'",
            id));
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM payment_method WHERE CONCAT_WS('|', card_brand, card_last4, "
                + "gateway_token, ea_number, label) LIKE '%5555555555554444%'"));
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM sandbox_card WHERE CONCAT_WS('|', token, brand, last4) "
                + "LIKE '%5555555555554444%'"));
  }

  @Test
  void R_PAY_1_bad_cards_and_EA_numbers_are_refused_naming_the_field() {
    int year = YearMonth.now().getYear() + 1;
    ApiClient.Reply luhn =
        api.post(
            "payment-methods",
            admin,
            "{\"type\":\"CARD\",\"cardNumber\":\"4242424242424241\","
                + "\"expiryMonth\":1,\"expiryYear\":"
                + year
                + ",\"cvc\":\"123\"}");
    assertEquals(400, luhn.status(), luhn.body());
    assertEquals(
        "cardNumber", luhn.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    ApiClient.Reply past =
        api.post(
            "payment-methods",
            admin,
            "{\"type\":\"CARD\",\"cardNumber\":\"4242424242424242\","
                + "\"expiryMonth\":1,\"expiryYear\":2020,\"cvc\":\"123\"}");
    assertEquals(400, past.status());
    ApiClient.Reply eaBad =
        api.post(
            "payment-methods", admin, "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"12AB\"}");
    assertEquals(400, eaBad.status());
    assertEquals(
        "eaNumber", eaBad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void R_ORG_1_another_organisation_neither_sees_nor_removes_this_wallet_and_its_methods()
      throws Exception {
    long visa = card(admin, "4242424242424242");
    ApiClient.Reply theirs = api.get("wallet", other.key(Role.GLOBAL_ADMIN));
    assertEquals(200, theirs.status());
    assertEquals(
        "GBP", theirs.json().getString("currency"), "the other key sees its own wallet only");
    ApiClient.Reply delete = api.delete("payment-methods/" + visa, other.key(Role.GLOBAL_ADMIN));
    assertEquals(404, delete.status());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM payment_method WHERE id = ? AND removed_at IS NULL", visa));
    assertFalse(
        api.get("payment-methods", other.key(Role.GLOBAL_ADMIN))
            .body()
            .contains("\"id\":" + visa + ","));
  }

  @Test
  void R_SEC_1_roles_without_billing_cannot_add_funds_or_read_the_wallet() throws Exception {
    assertEquals(403, api.get("wallet", org.key(Role.REPORTS_READER)).status());
    assertEquals(403, api.get("wallet", org.key(Role.PLATFORM)).status());
    assertEquals(
        403,
        api.post(
                "payment-methods",
                org.key(Role.USER_ADMIN),
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"11112222\"}")
            .status());
  }

  @Test
  void R_REP_3_transactions_come_newest_first_with_the_running_balance() throws Exception {
    long agreement = ea(admin, "87654321");
    fund(UUID.randomUUID().toString(), body("10.00", "USD", agreement, null));
    fund(UUID.randomUUID().toString(), body("11.00", "USD", agreement, null));
    ApiClient.Reply reply = api.get("wallet/transactions?size=2", admin);
    assertEquals(200, reply.status(), reply.body());
    var items = reply.json().getJsonArray("items");
    JsonObject newest = items.getJsonObject(0);
    JsonObject older = items.getJsonObject(1);
    assertEquals("11.00", newest.getJsonObject("amount").getString("amount"));
    BigDecimal newestAfter =
        new BigDecimal(newest.getJsonObject("balanceAfter").getString("amount"));
    BigDecimal olderAfter = new BigDecimal(older.getJsonObject("balanceAfter").getString("amount"));
    assertEquals(0, olderAfter.add(new BigDecimal("11.00")).compareTo(newestAfter));
    assertEquals(400, api.get("wallet/transactions?from=yesterday", admin).status());
  }

  @Test
  void R_REP_3_transactions_page_by_cursor_newer_and_older() throws Exception {
    long agreement = ea(admin, "87654322");
    for (String amount : List.of("10.00", "11.00", "12.00")) {
      fund(UUID.randomUUID().toString(), body(amount, "USD", agreement, null));
    }
    JsonObject first = api.get("wallet/transactions?size=2", admin).json();
    assertEquals(2, first.getJsonArray("items").size());
    assertFalse(first.containsKey("newer") && !first.isNull("newer"), "nothing newer");
    long older = first.getJsonNumber("older").longValue();
    long lastOnFirst = first.getJsonArray("items").getJsonObject(1).getJsonNumber("id").longValue();
    assertEquals(lastOnFirst, older, "the older cursor is the last entry shown");
    JsonObject second = api.get("wallet/transactions?size=2&before=" + older, admin).json();
    long firstOnSecond =
        second.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    assertTrue(firstOnSecond < older, "older entries, newest first");
    long newer = second.getJsonNumber("newer").longValue();
    JsonObject back = api.get("wallet/transactions?size=2&after=" + newer, admin).json();
    assertEquals(first.getJsonArray("items"), back.getJsonArray("items"), "back to the first page");
    assertFalse(back.getBoolean("totalIsLowerBound"));
    assertEquals(400, api.get("wallet/transactions?before=abc", admin).status());
  }

  @Test
  void R_REP_3_an_offset_page_starts_within_the_first_10000_entries_deeper_the_cursor() {
    // page 99 of 100 starts at entry 9,900: answered (empty here); page 100 would skip 10,000
    assertEquals(200, api.get("wallet/transactions?size=100&page=99", admin).status());
    ApiClient.Reply deep = api.get("wallet/transactions?size=100&page=100", admin);
    assertEquals(400, deep.status(), deep.body());
    assertTrue(deep.contentType().startsWith("application/problem+json"), deep.contentType());
    assertTrue(deep.body().contains("before"), "the problem names the cursor: " + deep.body());
  }
}
