package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.access.Role;
import com.commcredits.it.Fixtures.TestOrg;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
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
    return Deployments.application();
  }

  @Test
  void R_REP_1_the_usage_report_lists_calls_with_funding_and_exports_CSV_and_Excel() throws Exception {
    TestOrg org = Fixtures.organisation("Usage", "USD");
    ApiClient api = new ApiClient(base.toURI());
    String admin = org.key(Role.GLOBAL_ADMIN);
    api.post("subscriptions", admin, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":2}");
    api.post("subscriptions", admin, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}");
    String upn = "caller@" + org.domain();
    api.post("users", admin, "{\"displayName\":\"Caller\",\"upn\":\"" + upn + "\",\"usageLocation\":\"US\"}");
    api.put("users/" + upn + "/licences/BUSINESS_VOICE", admin, "");
    api.put("users/" + upn + "/licences/COMMUNICATIONS_CREDITS", admin, "");
    long ea = api.post("payment-methods", admin, "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"55667788\"}").json()
        .getJsonNumber("id").longValue();
    HttpClient http = HttpClient.newHttpClient();
    http.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings")).header("Authorization", "Bearer " + admin)
        .header("Content-Type", "application/json").header("Idempotency-Key", "u-" + System.nanoTime())
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"},"
            + "\"paymentMethodId\":" + ea + "}")).build(), HttpResponse.BodyHandlers.ofString());
    Instant start = Instant.now().minusSeconds(3600);
    String calls = "[" + record("u1", upn, "+14255550101", start, 120) + "," + record("u2", upn, "+442079460000", start, 61)
        + "]";
    assertEquals(200, api.post("calls", org.key(Role.PLATFORM), calls).status());

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
    assertEquals(1, only.split("\r\n").length, "a user filter with no calls exports the header only");
    assertEquals(400, web.get("reports/pstn-usage?from=2020-01-01&to=2026-11-01").statusCode(), "at most one year");

    byte[] workbook = web.getBytes("reports/pstn-usage?export=xlsx");
    boolean sheet = false;
    java.nio.file.Path file = java.nio.file.Files.createTempFile("usage", ".xlsx");
    java.nio.file.Files.write(file, workbook);
    // read through the central directory, as Excel does (entries are streamed, so their local headers carry no size)
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      for (var entry : java.util.Collections.list(zip.entries())) {
        if (entry.getName().startsWith("xl/worksheets/")) {
          String xml = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          sheet = xml.split("<row").length - 1 == 3;
        }
      }
    }
    assertTrue(sheet, "an Excel workbook with a header and two rows");
  }

  private static String record(String id, String upn, String to, Instant start, int seconds) {
    return "{\"callId\":\"" + id + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\"" + upn + "\",\"from\":\"+14255550100\","
        + "\"to\":\"" + to + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(seconds)
        + "\",\"durationSeconds\":" + seconds + "}";
  }
}
