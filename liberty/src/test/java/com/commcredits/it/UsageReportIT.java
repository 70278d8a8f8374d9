package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reports > PSTN usage: rows with their funding, filters, CSV and Excel exports (R-REP-1). */
@ExtendWith(ArquillianExtension.class)
class UsageReportIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application().addClasses(RunningExportsServlet.class);
  }

  @Test
  void R_REP_1_the_usage_report_lists_calls_with_funding_and_exports_CSV_and_Excel()
      throws Exception {
    TestOrg org = Fixtures.organisation("Usage", "USD");
    callsOf(org, 2);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    String page = web.get("reports/pstn-usage").body();
    assertTrue(page.contains("u1") && page.contains("u2"), "both calls are listed");
    assertTrue(page.contains("Domestic Calling Plan") && page.contains("Communications Credits"));
    assertTrue(page.contains("lot "), "the funding of the wallet-paid call is shown");

    HttpResponse<String> csv = web.get("reports/pstn-usage?export=csv&kind=OUTBOUND");
    String[] lines = csv.body().split("\r\n");
    assertEquals(3, lines.length, csv.body());
    assertTrue(lines[0].startsWith("Usage ID,Call ID,User location,UPN"));
    assertTrue(csv.body().contains(",0.06,USD,Communications Credits,0,lot "), csv.body());

    String only = web.get("reports/pstn-usage?export=csv&user=nobody@" + org.domain()).body();
    assertEquals(
        1, only.split("\r\n").length, "a user filter with no calls exports the header only");
    assertEquals(
        400,
        web.get("reports/pstn-usage?from=2020-01-01&to=2026-11-01").statusCode(),
        "at most one year");

    byte[] workbook = web.getBytes("reports/pstn-usage?export=xlsx");
    boolean sheet = false;
    Path file = Files.createTempFile("usage", ".xlsx");
    Files.write(file, workbook);
    // read through the central directory, as Excel does (entries are streamed, so their local
    // headers carry no size)
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (var entry : Collections.list(zip.entries())) {
        if (entry.getName().startsWith("xl/worksheets/")) {
          String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
          sheet = xml.split("<row").length - 1 == 3;
        }
      }
    }
    assertTrue(sheet, "an Excel workbook with a header and two rows");
  }

  @Test
  void
      R_REP_1_the_API_streams_the_report_as_JSON_CSV_and_Excel_only_to_report_readers_of_the_organisation()
          throws Exception {
    TestOrg org = Fixtures.organisation("UsageApi", "USD");
    String upn = callsOf(org, 2);
    ApiClient api = new ApiClient(base.toURI());
    String reader = org.key(Role.REPORTS_READER);

    ApiClient.Reply json = api.get("reports/pstn-usage", reader);
    assertEquals(200, json.status(), json.body());
    JsonArray records = json.json().getJsonArray("records");
    assertEquals(2, records.size(), json.body());
    JsonObject uk =
        records.stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("callId").equals("u2"))
            .findFirst()
            .orElseThrow();
    assertEquals(upn, uk.getString("userUpn"));
    assertEquals("OUTBOUND", uk.getString("callType"));
    assertEquals(false, uk.getBoolean("domestic"));
    assertEquals("GB", uk.getString("destinationDialed"));
    assertEquals("0.06", uk.getJsonObject("charge").getString("amount"));
    assertEquals(61, uk.getInt("durationSeconds"));
    assertEquals("Communications Credits", uk.getString("capabilityUsed"));
    JsonObject paid = uk.getJsonArray("fundedBy").getJsonObject(0);
    assertTrue(paid.getJsonNumber("lotId").longValue() > 0, "the lot that paid is named");
    assertEquals("0.06", paid.getJsonObject("amount").getString("amount"));

    ApiClient.Reply csv =
        api.get("reports/pstn-usage?format=csv&kind=OUTBOUND&user=" + upn, reader);
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertEquals(3, csv.body().split("\r\n").length, csv.body());
    ApiClient.Reply xlsx = api.get("reports/pstn-usage?format=xlsx", reader);
    assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());

    assertProblem(api.get("reports/pstn-usage?format=pdf", reader), "format");
    assertProblem(api.get("reports/pstn-usage?from=yesterday", reader), "from");
    assertProblem(api.get("reports/pstn-usage?from=2024-01-01&to=2025-06-01", reader), "from");
    assertProblem(api.get("reports/pstn-usage?kind=LOCAL", reader), "kind");
    assertEquals(
        403,
        api.get("reports/pstn-usage", org.key(Role.PLATFORM)).status(),
        "the platform reads no reports");
    assertEquals(403, api.get("reports/pstn-usage", org.key(Role.USER_ADMIN)).status());

    TestOrg other = Fixtures.organisation("UsageOther", "USD");
    ApiClient.Reply theirs =
        api.get("reports/pstn-usage?user=" + upn, other.key(Role.GLOBAL_ADMIN));
    assertEquals(200, theirs.status());
    assertEquals(
        0,
        theirs.json().getJsonArray("records").size(),
        "another organisation sees none of these calls");
  }

  @Test
  void
      R_REP_3_spend_by_call_type_is_charted_on_the_report_and_the_credits_page_and_its_series_exports()
          throws Exception {
    TestOrg org = Fixtures.organisation("Spend", "USD");
    callsOf(org, 2);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    String page = web.get("reports/pstn-usage").body();
    assertTrue(page.contains("Spend by call type"), "the chart is on the report");
    assertTrue(
        page.contains("<rect") && page.contains("Outbound: 0.06 USD"),
        "one column segment for the UK call");
    String series = web.get("reports/pstn-usage?export=spend").body();
    String[] lines = series.split("\r\n");
    assertEquals(
        "Period start,Outbound,Toll-free inbound,Conference dial-out,Total,Currency", lines[0]);
    assertEquals(31, lines.length, "a row for each of the 30 days, zeros included");
    assertEquals(
        1,
        Arrays.stream(lines).filter(l -> l.endsWith(",0.06,0.00,0.00,0.06,USD")).count(),
        series);

    String credits = web.get("billing/credits").body();
    assertTrue(
        credits.contains("Spend by call type over the last 90 days")
            && credits.contains("Outbound: 0.06 USD"));
    String weekly = web.get("billing/credits?export=spend").body();
    assertTrue(weekly.split("\r\n").length <= 16, "90 days are drawn by week: " + weekly);
    assertTrue(weekly.contains(",0.06,0.00,0.00,0.06,USD"), weekly);

    TestOrg other = Fixtures.organisation("SpendOther", "USD");
    String theirs =
        new WebSession(base.toURI())
            .signedIn(other.email(Role.REPORTS_READER))
            .get("reports/pstn-usage?export=spend")
            .body();
    assertTrue(!theirs.contains("0.06"), "another organisation's chart has none of these charges");
  }

  @Test
  void R_REP_1_the_report_pages_newer_and_older_by_keyset_with_the_exact_total() throws Exception {
    TestOrg org = Fixtures.organisation("UsagePages", "USD");
    // u1 and u2 start together (their order is the id's), u3..u120 one second apart after them
    callsOf(org, 120);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    String first = web.get("reports/pstn-usage").body();
    assertTrue(first.contains(">u120<") && first.contains(">u71<"), "the newest 50");
    assertTrue(!first.contains(">u70<") && !first.contains("after="), "nothing newer");
    assertTrue(first.contains("120 in all"), "the exact total");
    String second = web.get("reports/pstn-usage?before=" + cursor(first, "before")).body();
    assertTrue(second.contains(">u70<") && second.contains(">u21<") && !second.contains(">u71<"));
    String third = web.get("reports/pstn-usage?before=" + cursor(second, "before")).body();
    assertTrue(third.contains(">u20<") && third.contains(">u2<") && third.contains(">u1<"));
    assertTrue(!third.contains("before="), "the oldest page has no Older link");
    String back = web.get("reports/pstn-usage?after=" + cursor(third, "after")).body();
    assertTrue(back.contains(">u70<") && back.contains(">u21<") && !back.contains(">u20<"), back);
    // another organisation's call as a cursor reads as none: the newest page, nothing of theirs
    TestOrg other = Fixtures.organisation("UsagePagesOther", "USD");
    String theirs =
        new WebSession(base.toURI())
            .signedIn(other.email(Role.REPORTS_READER))
            .get("reports/pstn-usage?before=" + cursor(first, "before"))
            .body();
    assertTrue(!theirs.contains(">u70<") && !theirs.contains(">u120<"), "nothing of Usage");
  }

  /** The id a pager link names: {@code before=} (Older) or {@code after=} (Newer). */
  private static long cursor(String page, String name) {
    var m = java.util.regex.Pattern.compile(name + "=(\\d+)").matcher(page);
    assertTrue(m.find(), "a link with " + name + "=");
    return Long.parseLong(m.group(1));
  }

  @Test
  void R_REP_1_a_large_export_runs_in_the_background_with_progress_and_only_its_admin_downloads_it()
      throws Exception {
    // the test server runs exports of more than 5 rows in the background (EXPORT_BACKGROUND_ROWS in
    // liberty/pom.xml)
    TestOrg org = Fixtures.organisation("Export", "USD");
    callsOf(org, 9);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    web.get("reports/pstn-usage");
    HttpResponse<String> small =
        web.post(
            "reports/exports",
            Map.of("format", "csv", "kind", "OUTBOUND", "user", "nobody@" + org.domain()));
    assertEquals(200, small.statusCode(), "a small export streams at once");
    assertEquals(1, small.body().split("\r\n").length);

    HttpResponse<String> started = web.post("reports/exports", Map.of("format", "csv"));
    assertEquals(302, started.statusCode(), started.body());
    String progressPage = started.headers().firstValue("Location").orElseThrow();
    String jobPath = progressPage.substring(progressPage.indexOf("reports/exports/"));
    String status = "";
    for (int i = 0; i < 300 && !status.contains("data-status=\"DONE\""); i++) {
      HttpResponse<String> progress = web.get(jobPath);
      assertEquals(200, progress.statusCode());
      assertTrue(progress.body().contains("<progress"), "the page shows the progress");
      status = progress.body();
      Thread.sleep(100);
    }
    assertTrue(status.contains("Ready: 9 rows written."), status);
    String file = web.get(jobPath + "/file").body();
    assertEquals(10, file.split("\r\n").length, "header and nine calls");
    assertTrue(file.startsWith("Usage ID,Call ID"));

    WebSession colleague = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    assertEquals(
        404,
        colleague.get(jobPath + "/file").statusCode(),
        "another admin cannot take this export");
    TestOrg other = Fixtures.organisation("ExportOther", "USD");
    WebSession stranger = new WebSession(base.toURI()).signedIn(other.email(Role.GLOBAL_ADMIN));
    assertEquals(404, stranger.get(jobPath).statusCode(), "nor can another organisation");
  }

  @Test
  void R_REP_1_a_third_export_of_one_admin_and_a_seventh_on_the_server_are_refused_with_a_message()
      throws Exception {
    TestOrg org = Fixtures.organisation("ExportLimits", "USD");
    callsOf(org, 9);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    long admin = org.adminIds().get(Role.REPORTS_READER);
    web.get("reports/pstn-usage");
    try {
      running("org=" + org.id() + "&admin=" + admin + "&count=2");
      HttpResponse<String> third =
          web.post("reports/exports", Map.of("format", "csv", "kind", "OUTBOUND"));
      assertEquals(302, third.statusCode(), third.body());
      String back = third.headers().firstValue("Location").orElseThrow();
      assertTrue(back.contains("reports/pstn-usage?kind=OUTBOUND"), back);
      HttpResponse<String> page = web.get(back.substring(back.indexOf("reports/")));
      assertEquals(200, page.statusCode());
      assertTrue(
          page.body()
              .contains(
                  "You already have 2 exports running. Wait for one of them to finish, then export again."),
          page.body());

      running("clear");
      running("org=0&admin=0&count=6");
      HttpResponse<String> seventh = web.post("reports/exports", Map.of("format", "csv"));
      assertEquals(302, seventh.statusCode(), seventh.body());
      String full = seventh.headers().firstValue("Location").orElseThrow();
      assertTrue(
          web.get(full.substring(full.indexOf("reports/")))
              .body()
              .contains("The server is writing as many exports as it can at once."));

      running("clear");
      HttpResponse<String> started = web.post("reports/exports", Map.of("format", "csv"));
      assertTrue(
          started.headers().firstValue("Location").orElseThrow().contains("reports/exports/"),
          "once the others are done, the export starts");
    } finally {
      running("clear");
    }
  }

  /** Registers exports that stay running, or forgets them (the tests' servlet). */
  private void running(String query) throws Exception {
    HttpResponse<String> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.toURI().resolve("test/running-exports?" + query))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(204, reply.statusCode(), reply.body());
  }

  private static void assertProblem(ApiClient.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    assertTrue(reply.body().contains("\"" + field + "\""), reply.body());
  }

  /**
   * A user with a domestic plan and Communications Credits, a wallet of 50.00 and {@code count}
   * calls: u1 a domestic call in the pool, u2 a 61-second call to the UK charged 0.06 to the
   * wallet, the rest short domestic.
   */
  private String callsOf(TestOrg org, int count) throws Exception {
    ApiClient api = new ApiClient(base.toURI());
    String admin = org.key(Role.GLOBAL_ADMIN);
    String upn = api.creditsCaller(org);
    Fixtures.eaAgreement(org, "55667788");
    long ea =
        api.post(
                "payment-methods",
                admin,
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"55667788\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    HttpClient http = HttpClient.newHttpClient();
    http.send(
        HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "u-" + System.nanoTime())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"},"
                        + "\"paymentMethodId\":"
                        + ea
                        + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    Instant start = Instant.now().minusSeconds(3600);
    StringBuilder calls =
        new StringBuilder(
            "["
                + record("u1", upn, "+14255550101", start, 120)
                + ","
                + record("u2", upn, "+442079460000", start, 61));
    for (int i = 3; i <= count; i++) {
      calls.append(',').append(record("u" + i, upn, "+14255550101", start.plusSeconds(i), 30));
    }
    assertEquals(
        200, api.post("calls", org.key(Role.PLATFORM), calls.append(']').toString()).status());
    return upn;
  }

  private static String record(String id, String upn, String to, Instant start, int seconds) {
    return "{\"callId\":\""
        + id
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\","
        + "\"to\":\""
        + to
        + "\",\"start\":\""
        + start
        + "\",\"end\":\""
        + start.plusSeconds(seconds)
        + "\",\"durationSeconds\":"
        + seconds
        + "}";
  }
}
