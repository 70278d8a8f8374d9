package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input everywhere (R-SEC-1, R-FUND-6): every operation of the OpenAPI document, read at
 * run time, and every POST form of a populated organisation's pages, with wrong types, huge and
 * tiny numbers, exponent notation, unicode, empty, missing and extra fields, overlong strings and
 * another organisation's ids. No answer is a 5xx; a refused API call is a problem document and a
 * refused form shows a message; afterwards both organisations' wallets hold their invariant and
 * their money rows are unchanged (the cases that legitimately succeed are counted and printed).
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final String LONG = "x".repeat(5_000);

  /** Hostile values for path and query parameters and form fields. */
  private static final List<String> TEXT =
      List.of(
          "",
          " ",
          "0",
          "-1",
          "1.5",
          "1e3",
          "1E+100000000",
          "2147483648",
          "99999999999999999999999",
          "-9223372036854775809",
          "NaN",
          "\u0661\u0662\u0663",
          "\u00fc\u202e\ud83d\ude00",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "../../etc/passwd",
          "%00",
          LONG,
          "null",
          "true");

  /** Hostile JSON values for body fields. */
  private static final List<String> JSON =
      List.of(
          "\"\"",
          "\" \"",
          "0",
          "-1",
          "1.5",
          "1e400",
          "1E+100000000",
          "-9223372036854775809",
          "99999999999999999999999999",
          "true",
          "null",
          "[]",
          "{}",
          "\"1e3\"",
          "\"1E+100000000\"",
          "\"-0.001\"",
          "\"NaN\"",
          "\"\u0661\u0662\u0663\"",
          "\"\u00fc\u202e\ud83d\ude00\\u0000\"",
          "\"<script>alert(1)</script>\"",
          "\"" + LONG + "\"",
          "{\"amount\":\"1E+100000000\",\"currency\":\"USD\"}",
          "{\"amount\":\"-5\",\"currency\":\"XXX\"}",
          "{\"amount\":\"0.001\",\"currency\":\"USD\"}",
          "[{\"callId\":[]}]");

  /** Whole bodies that are wrong however the operation reads them. */
  private static final List<String> BODIES =
      List.of(
          "",
          "null",
          "[]",
          "{}",
          "123",
          "\"text\"",
          "{not json",
          "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}",
          "{\"zzz\":\"" + "y".repeat(70_000) + "\"}",
          "[" + "{},".repeat(1_200) + "{}]");

  @ArquillianResource URL base;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<String> failures = new ArrayList<>();
  private final List<String> successes = new ArrayList<>();
  private int cases;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  /** An organisation with licences, a card, an EA, a funded wallet, a rated call and a user. */
  private record Populated(TestOrg org, String upn, long card, long ea, long subscription) {}

  private Populated populate(String prefix) throws Exception {
    ApiClient api = new ApiClient(base.toURI());
    TestOrg org = Fixtures.organisation(prefix, "USD");
    String admin = org.key(Role.GLOBAL_ADMIN);
    long card = Fixtures.card(org);
    String upn = api.creditsCaller(org);
    String eaNumber = "1" + String.format("%07d", Math.floorMod(org.id(), 10_000_000));
    Fixtures.eaAgreement(org, eaNumber);
    ApiClient.Reply ea =
        api.post(
            "payment-methods",
            admin,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"" + eaNumber + "\"}");
    assertEquals(201, ea.status(), ea.body());
    ApiClient.Reply funded =
        api.send(
            "POST",
            "wallet/fundings",
            admin,
            "{\"amount\":{\"amount\":\"100.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + card
                + "}",
            UUID.randomUUID().toString());
    assertTrue(funded.status() < 300, funded.body());
    ApiClient.Reply rated =
        api.post(
            "calls",
            org.key(Role.PLATFORM),
            "[{\"callId\":\"fuzz-1\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
                + upn
                + "\",\"from\":\"+14255550100\",\"to\":\"+442079460000\","
                + "\"start\":\""
                + Fixtures.recentCallStart()
                + "\",\"end\":\""
                + Fixtures.recentCallStart().plusSeconds(300)
                + "\","
                + "\"durationSeconds\":300}]");
    assertEquals(200, rated.status(), rated.body());
    long subscription =
        Fixtures.count(
            "SELECT MIN(id) FROM subscription WHERE organisation_id = ? AND sku = 'BUSINESS_VOICE'",
            org.id());
    return new Populated(org, upn, card, ea.json().getJsonNumber("id").longValue(), subscription);
  }

  @Test
  void R_SEC_1_hostile_input_to_every_operation_and_form_never_answers_5xx_nor_moves_money()
      throws Exception {
    long started = System.nanoTime();
    Populated mine = populate("Fuzz");
    Populated other = populate("FuzzOther");
    Map<String, Long> mineBefore = rows(mine.org());
    Map<String, Long> otherBefore = rows(other.org());
    List<String> otherIds =
        List.of(
            String.valueOf(other.card()),
            String.valueOf(other.ea()),
            String.valueOf(other.subscription()),
            String.valueOf(other.org().apiKeyIds().get(Role.GLOBAL_ADMIN)),
            String.valueOf(other.org().adminIds().get(Role.GLOBAL_ADMIN)),
            String.valueOf(
                Fixtures.count(
                    "SELECT MAX(id) FROM funding WHERE wallet_id = "
                        + "(SELECT id FROM wallet WHERE organisation_id = ?)",
                    other.org().id())),
            other.upn());

    int apiCases = fuzzApi(mine, otherIds);
    int pageCases = fuzzPages(mine, otherIds);

    List<String> invariant = new ArrayList<>();
    invariant.addAll(invariant(mine.org()));
    invariant.addAll(invariant(other.org()));
    Map<String, Long> mineAfter = rows(mine.org());
    Map<String, Long> otherAfter = rows(other.org());
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "FuzzIT: %d cases (%d API, %d page forms) in %.1f s; %d succeeded legitimately, %d failures%n",
        cases, apiCases, pageCases, seconds, successes.size(), failures.size());
    successes.forEach(s -> System.out.println("FuzzIT success: " + s));
    failures.stream().limit(100).forEach(f -> System.out.println("FuzzIT FAILURE: " + f));
    assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " failures");
    assertEquals(List.of(), invariant);
    assertEquals(otherBefore, otherAfter, "another organisation's rows never change");
    System.out.println(
        "FuzzIT rows of the fuzzed organisation: " + mineBefore + " -> " + mineAfter);
    // the fuzzed organisation's rows change only through a case that succeeded where they live:
    // a saved auto-recharge setting (a trigger above the balance recharges), a licence bought
    Map<String, List<String>> where =
        Map.of(
            "ledger_entry", List.of("billing/credits", "wallet/", " calls"),
            "funding_lot", List.of("billing/credits", "wallet/"),
            "funding", List.of("billing/credits", "wallet/"),
            "call_record", List.of(" calls"),
            "subscription", List.of("subscriptions"),
            "subscription_charge", List.of("subscriptions"));
    for (Map.Entry<String, List<String>> table : where.entrySet()) {
      boolean explained =
          successes.stream().anyMatch(s -> table.getValue().stream().anyMatch(s::contains));
      if (!explained) {
        assertEquals(
            mineBefore.get(table.getKey()),
            mineAfter.get(table.getKey()),
            table.getKey() + " changed though no case that may change it succeeded");
      }
    }
    assertTrue(cases > 1_000, "ran " + cases + " cases");
  }

  // ---------------------------------------------------------------- the API

  private int fuzzApi(Populated mine, List<String> otherIds) throws Exception {
    URI root = base.toURI();
    HttpResponse<String> doc =
        http.send(
            HttpRequest.newBuilder(root.resolve("/openapi"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (!doc.body().trim().startsWith("{")) {
      doc =
          http.send(
              HttpRequest.newBuilder(root.resolve("/openapi?format=JSON")).build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertEquals(200, doc.statusCode());
    JsonObject openapi = Json.createReader(new StringReader(doc.body())).readObject();
    JsonObject schemas =
        openapi.containsKey("components")
                && openapi.getJsonObject("components").containsKey("schemas")
            ? openapi.getJsonObject("components").getJsonObject("schemas")
            : JsonValue.EMPTY_JSON_OBJECT;
    int before = cases;
    int operations = 0;
    for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        fuzzOperation(
            mine, otherIds, schemas, path.getKey(), op.getKey(), op.getValue().asJsonObject());
      }
    }
    assertTrue(operations >= 20, "the document lists the operations: " + operations);
    return cases - before;
  }

  private void fuzzOperation(
      Populated mine,
      List<String> otherIds,
      JsonObject schemas,
      String template,
      String method,
      JsonObject operation) {
    String relative = template.startsWith("/api/v1") ? template.substring(7) : template;
    boolean platform = relative.startsWith("/calls");
    String key = mine.org().key(platform ? Role.PLATFORM : Role.GLOBAL_ADMIN);
    String wrongKey = mine.org().key(platform ? Role.GLOBAL_ADMIN : Role.PLATFORM);
    List<String> pathParams = new ArrayList<>();
    List<String> queryParams = new ArrayList<>();
    for (JsonValue p :
        operation.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
      JsonObject param = p.asJsonObject();
      if ("path".equals(param.getString("in", ""))) {
        pathParams.add(param.getString("name"));
      } else if ("query".equals(param.getString("in", ""))) {
        queryParams.add(param.getString("name"));
      }
    }
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(relative);
    while (m.find()) {
      if (!pathParams.contains(m.group(1))) {
        pathParams.add(m.group(1));
      }
    }
    // a path whose own parameters are the organisation's real values (for query and body cases)
    Map<String, String> real = new LinkedHashMap<>();
    for (String name : pathParams) {
      // the organisation's own subscription only under /subscriptions: elsewhere an id that is not
      // the organisation's, so that the query and body cases cannot remove a payment method
      real.put(
          name,
          name.equals("id") && !relative.startsWith("/subscriptions")
              ? "999999999"
              : realValue(mine, name));
    }
    String body =
        method.equals("get") || method.equals("delete") ? null : baseBody(operation, schemas);

    // path parameters: hostile values and another organisation's ids
    for (String name : pathParams) {
      List<String> values = new ArrayList<>(TEXT);
      values.addAll(otherIds);
      for (String value : values) {
        Map<String, String> params = new LinkedHashMap<>(real);
        params.put(name, value);
        api(method, expand(relative, params), key, body, "path " + name + "=" + shorten(value));
      }
    }
    String path = expand(relative, real);
    // query parameters, one at a time
    for (String name : queryParams) {
      for (String value : TEXT) {
        api(
            method,
            path + (path.contains("?") ? "&" : "?") + name + "=" + encode(value),
            key,
            body,
            "query " + name + "=" + shorten(value));
      }
    }
    api(method, path, wrongKey, body, "the other role's key");
    api(method, path, "not-a-key-" + UUID.randomUUID(), body, "an unknown key");
    if (body == null) {
      api(method, path, key, null, "plain");
      return;
    }
    // whole bodies, then each field hostile, missing, and an extra one
    for (String b : BODIES) {
      api(method, path, key, b, "body " + shorten(b));
    }
    JsonValue parsed = Json.createReader(new StringReader(body)).readValue();
    JsonObject object =
        parsed instanceof JsonObject o
            ? o
            : parsed instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonObject o
                ? o
                : null;
    if (object == null) {
      return;
    }
    boolean array = parsed instanceof JsonArray;
    for (String field : object.keySet()) {
      List<String> values = new ArrayList<>(JSON);
      otherIds.forEach(id -> values.add(id.matches("\\d+") ? id : "\"" + id + "\""));
      for (String value : values) {
        String changed = withField(object, field, value);
        api(method, path, key, array ? "[" + changed + "]" : changed, field + "=" + shorten(value));
      }
      String missing = withField(object, field, null);
      api(method, path, key, array ? "[" + missing + "]" : missing, "missing " + field);
    }
    String extra = withField(object, "zzzExtra", "1");
    api(method, path, key, array ? "[" + extra + "]" : extra, "extra field");
  }

  /** A body from the operation's schema whose values are plausible but wrong for the product. */
  private static String baseBody(JsonObject operation, JsonObject schemas) {
    if (!operation.containsKey("requestBody")) {
      return "{\"zzz\":1}";
    }
    JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
    if (content == null || content.isEmpty()) {
      return "{\"zzz\":1}";
    }
    JsonObject media = content.values().iterator().next().asJsonObject();
    JsonObject schema = media.getJsonObject("schema");
    String generated = schema == null ? null : sample(schema, schemas, 0);
    return generated == null || !(generated.startsWith("{") || generated.startsWith("["))
        ? "{\"zzz\":1}"
        : generated;
  }

  private static String sample(JsonObject schema, JsonObject schemas, int depth) {
    if (depth > 4) {
      return "null";
    }
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      JsonObject target = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
      return target == null ? "{}" : sample(target, schemas, depth + 1);
    }
    String type = schema.getString("type", schema.containsKey("properties") ? "object" : "");
    switch (type) {
      case "object" -> {
        JsonObject props =
            schema.containsKey("properties")
                ? schema.getJsonObject("properties")
                : JsonValue.EMPTY_JSON_OBJECT;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonValue> p : props.entrySet()) {
          parts.add(
              Json.createValue(p.getKey()).toString()
                  + ":"
                  + sample(p.getValue().asJsonObject(), schemas, depth + 1));
        }
        return "{" + String.join(",", parts) + "}";
      }
      case "array" -> {
        return "["
            + (schema.containsKey("items")
                ? sample(schema.getJsonObject("items"), schemas, depth + 1)
                : "")
            + "]";
      }
      case "integer" -> {
        return "7";
      }
      case "number" -> {
        return "7.5";
      }
      case "boolean" -> {
        return "false";
      }
      default -> {
        return "\"fuzz\"";
      }
    }
  }

  private static String withField(JsonObject object, String field, String json) {
    Map<String, String> fields = new LinkedHashMap<>();
    object.forEach((k, v) -> fields.put(k, v.toString()));
    if (json == null) {
      fields.remove(field);
    } else {
      fields.put(field, json);
    }
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(Json.createValue(k).toString() + ":" + v));
    return "{" + String.join(",", parts) + "}";
  }

  private static String realValue(Populated mine, String name) {
    String n = name.toLowerCase();
    if (n.contains("upn") || n.contains("user")) {
      return mine.upn();
    }
    if (n.contains("sku")) {
      return "BUSINESS_VOICE";
    }
    return n.equals("id") ? String.valueOf(mine.subscription()) : "1";
  }

  private static String expand(String template, Map<String, String> params) {
    String path = template;
    for (Map.Entry<String, String> p : params.entrySet()) {
      path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private void api(String method, String path, String key, String body, String what) {
    cases++;
    String label = method.toUpperCase() + " " + shorten(path) + " [" + what + "]";
    HttpResponse<String> response;
    try {
      URI uri = base.toURI().resolve("api/v1/").resolve(path);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .header("Authorization", "Bearer " + key)
              .header("Idempotency-Key", "fuzz-" + UUID.randomUUID());
      if (body == null) {
        request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body));
      }
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IllegalArgumentException e) {
      // the client itself refuses the address (e.g. an unencodable character): not a server case
      cases--;
      return;
    } catch (Exception e) {
      failures.add(label + ": " + e);
      return;
    }
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status >= 500) {
      failures.add(label + " -> " + status + " " + shorten(response.body()));
    } else if (status >= 400 && !type.startsWith("application/problem+json")) {
      failures.add(label + " -> " + status + " as " + type + ": " + shorten(response.body()));
    } else if (status < 300 && !method.equals("get")) {
      successes.add(label + " -> " + status);
    }
  }

  // ---------------------------------------------------------------- the pages

  private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"");
  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern SELECT =
      Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
  private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);

  private record Form(String action, Map<String, String> fields) {}

  private int fuzzPages(Populated mine, List<String> otherIds) throws Exception {
    WebSession web = new WebSession(base.toURI()).signedIn(mine.org().email(Role.GLOBAL_ADMIN));
    String context = base.toURI().getPath();
    Deque<String> queue = new ArrayDeque<>(List.of("", "users/detail?upn=" + encode(mine.upn())));
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Form> forms = new LinkedHashMap<>();
    while (!queue.isEmpty() && seen.size() < 40) {
      String page = queue.poll();
      String shape = page.replaceAll("\\?.*", "");
      if (!seen.add(shape)) {
        continue;
      }
      HttpResponse<String> response = web.get(page);
      if (response.statusCode() != 200
          || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
        continue;
      }
      String html = response.body();
      Matcher links = HREF.matcher(html);
      while (links.find()) {
        String href = unescape(links.group(1));
        if (!href.startsWith(context)) {
          continue;
        }
        String local = href.substring(context.length());
        if (local.contains("sign-out")
            || local.contains("export")
            || local.contains("format=")
            || local.contains(".csv")
            || local.contains("download")
            || local.contains("statements?")
            || local.startsWith("api/")
            || local.startsWith("openapi")
            || local.startsWith("static")
            || local.startsWith("css")
            || local.startsWith("js")) {
          continue;
        }
        queue.add(local);
      }
      Matcher f = FORM.matcher(html);
      while (f.find()) {
        String attributes = f.group(1);
        if (!"post".equalsIgnoreCase(attribute(attributes, "method"))) {
          continue;
        }
        String action = unescape(attribute(attributes, "action"));
        if (action == null || !action.startsWith(context) || action.contains("sign-out")) {
          continue;
        }
        Map<String, String> fields = fields(f.group(2));
        String id = action + "|" + fields.getOrDefault("action", "") + "|" + fields.keySet();
        forms.putIfAbsent(id, new Form(action.substring(context.length()), fields));
      }
    }
    assertTrue(forms.size() >= 15, "forms found: " + forms.keySet());
    int before = cases;
    for (Form form : forms.values()) {
      fuzzForm(web, form, otherIds);
    }
    return cases - before;
  }

  private void fuzzForm(WebSession web, Form form, List<String> otherIds) {
    List<String> values = new ArrayList<>(TEXT);
    values.addAll(otherIds);
    for (String field : form.fields().keySet()) {
      if (field.equals("_csrf")) {
        continue;
      }
      for (String value : values) {
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put(field, value);
        post(web, form, fields, field + "=" + shorten(value));
      }
    }
    Map<String, String> missing = new LinkedHashMap<>();
    missing.put("_csrf", form.fields().get("_csrf"));
    post(web, form, missing, "every field missing");
    Map<String, String> blank = new LinkedHashMap<>();
    form.fields().forEach((k, v) -> blank.put(k, k.equals("_csrf") || k.equals("action") ? v : ""));
    blank.put("zzzExtra", "1");
    post(web, form, blank, "every field empty and an extra one");
  }

  private void post(WebSession web, Form form, Map<String, String> fields, String what) {
    cases++;
    String label = "POST " + form.action() + " " + fields.get("action") + " [" + what + "]";
    // the session's current token: a form re-rendered after a refusal carries the same one
    if (web.csrf() != null) {
      fields.put("_csrf", web.csrf());
    }
    HttpResponse<String> response;
    try {
      response = web.postRaw(form.action(), fields);
    } catch (RuntimeException e) {
      failures.add(label + ": " + e);
      return;
    }
    int status = response.statusCode();
    if (status >= 500) {
      failures.add(label + " -> " + status + " " + shorten(response.body()));
    } else if (status == 400
        && !response.body().contains("field-error")
        && !response.body().contains("role=\"alert\"")
        && !response.body().contains("error-box")
        && !response.body().contains("status-code")) {
      failures.add(label + " -> 400 without a message: " + shorten(response.body()));
    } else if (status == 302 || status == 303) {
      String location = response.headers().firstValue("Location").orElse("");
      if (!location.contains("sign-in")) {
        successes.add(label + " -> " + status + " " + location);
      } else {
        failures.add(label + " -> signed out");
      }
    }
  }

  private static Map<String, String> fields(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher inputs = INPUT.matcher(form);
    while (inputs.find()) {
      String a = inputs.group(1);
      String name = attribute(a, "name");
      String type = attribute(a, "type");
      if (name == null || "submit".equals(type) || "file".equals(type)) {
        continue;
      }
      if (("checkbox".equals(type) || "radio".equals(type)) && fields.containsKey(name)) {
        continue;
      }
      String value = attribute(a, "value");
      fields.put(name, value == null ? "" : unescape(value));
    }
    Matcher selects = SELECT.matcher(form);
    while (selects.find()) {
      String name = attribute(selects.group(1), "name");
      Matcher option = OPTION.matcher(selects.group(2));
      String value = option.find() ? attribute(option.group(1), "value") : "";
      if (name != null) {
        fields.put(name, value == null ? "" : unescape(value));
      }
    }
    Matcher areas = TEXTAREA.matcher(form);
    while (areas.find()) {
      String name = attribute(areas.group(1), "name");
      if (name != null) {
        fields.put(name, unescape(areas.group(2)));
      }
    }
    return fields;
  }

  private static String attribute(String attributes, String name) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1) : null;
  }

  private static String unescape(String html) {
    return html == null
        ? null
        : html.replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
  }

  // ---------------------------------------------------------------- the books

  private static Map<String, Long> rows(TestOrg org) {
    Map<String, Long> rows = new LinkedHashMap<>();
    String wallet = "(SELECT id FROM wallet WHERE organisation_id = ?)";
    rows.put(
        "ledger_entry",
        Fixtures.count("SELECT COUNT(*) FROM ledger_entry WHERE wallet_id = " + wallet, org.id()));
    rows.put(
        "funding_lot",
        Fixtures.count("SELECT COUNT(*) FROM funding_lot WHERE wallet_id = " + wallet, org.id()));
    rows.put(
        "funding",
        Fixtures.count("SELECT COUNT(*) FROM funding WHERE wallet_id = " + wallet, org.id()));
    rows.put(
        "call_record",
        Fixtures.count("SELECT COUNT(*) FROM call_record WHERE organisation_id = ?", org.id()));
    rows.put(
        "subscription",
        Fixtures.count("SELECT COUNT(*) FROM subscription WHERE organisation_id = ?", org.id()));
    rows.put(
        "subscription_charge",
        Fixtures.count(
            "SELECT COUNT(*) FROM subscription_charge WHERE organisation_id = ?", org.id()));
    return rows;
  }

  /** Balance = sum of the ledger = sum of lot remainders − the negative amount. */
  private static List<String> invariant(TestOrg org) {
    List<String> found = new ArrayList<>();
    BigDecimal balance =
        Fixtures.decimal("SELECT balance FROM wallet WHERE organisation_id = ?", org.id());
    BigDecimal ledger =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE wallet_id = "
                + "(SELECT id FROM wallet WHERE organisation_id = ?)",
            org.id());
    BigDecimal lots =
        Fixtures.decimal(
            "SELECT COALESCE(SUM(remaining), 0) FROM funding_lot WHERE wallet_id = "
                + "(SELECT id FROM wallet WHERE organisation_id = ?)",
            org.id());
    BigDecimal negative = balance.signum() < 0 ? balance.negate() : BigDecimal.ZERO;
    if (balance.compareTo(ledger) != 0) {
      found.add(org.name() + ": balance " + balance + " != ledger " + ledger);
    }
    if (lots.subtract(negative).compareTo(balance) != 0) {
      found.add(org.name() + ": lots " + lots + " - negative " + negative + " != " + balance);
    }
    return found;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String shorten(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
  }
}
