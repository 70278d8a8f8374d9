package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15: an export of more rows than one chunk (exports read 1,000 rows at a time by JDBC) has
 * every row once, in order, with its funding, as CSV and Excel, in the background with progress.
 */
@ExtendWith(ArquillianExtension.class)
class LargeExportIT {
  private static final int CALLS = 2500;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @Test
  void R_REP_1_an_export_across_chunks_has_every_row_once_with_its_funding() throws Exception {
    TestOrg org = Fixtures.organisation("LargeExport", "USD");
    String upn = calls(org);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    web.get("reports/pstn-usage");

    String csv = new String(export(web, "csv"), StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertEquals(CALLS + 1, lines.length, "the header and every call");
    assertTrue(lines[0].startsWith("Usage ID,Call ID,User location,UPN"), lines[0]);
    Set<String> callIds = new HashSet<>();
    long previous = 0;
    int wallet = 0;
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      long usageId = Long.parseLong(cells[0]);
      assertTrue(usageId > previous, "rows in id order, none twice: " + lines[i]);
      previous = usageId;
      callIds.add(cells[1]);
      assertEquals(upn, cells[3], lines[i]);
      if (Integer.parseInt(cells[1].substring(1)) % 10 == 0) {
        wallet++;
        assertTrue(
            lines[i].endsWith(
                ",0.06,USD,Communications Credits,0,lot " + lotOf(lines[i]) + ": 0.06"),
            lines[i]);
      } else {
        assertTrue(lines[i].contains(",Domestic Calling Plan,"), lines[i]);
      }
    }
    assertEquals(CALLS, callIds.size(), "every call once");
    assertEquals(CALLS / 10, wallet, "every tenth call paid by the wallet, with its lot");

    byte[] workbook = export(web, "xlsx");
    Path file = Files.createTempFile("large", ".xlsx");
    Files.write(file, workbook);
    int rows = -1;
    String xml = "";
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (var entry : Collections.list(zip.entries())) {
        if (entry.getName().startsWith("xl/worksheets/")) {
          xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
          rows = xml.split("<row").length - 1;
        }
      }
    }
    assertEquals(CALLS + 1, rows, "an Excel sheet with the header and every call");
    assertTrue(xml.contains("r=\"" + (CALLS + 1) + "\""), "the last row is numbered in order");
  }

  /** The lot named in a row's funding column. */
  private static String lotOf(String line) {
    String tail = line.substring(line.lastIndexOf(",lot ") + 5);
    return tail.substring(0, tail.indexOf(':'));
  }

  /** Starts a background export, follows its progress page to the end, downloads the file. */
  private static byte[] export(WebSession web, String format) throws Exception {
    HttpResponse<String> started = web.post("reports/exports", Map.of("format", format));
    assertEquals(302, started.statusCode(), started.body());
    String progressPage = started.headers().firstValue("Location").orElseThrow();
    String jobPath = progressPage.substring(progressPage.indexOf("reports/exports/"));
    String status = "";
    for (int i = 0; i < 600 && !status.contains("data-status=\"DONE\""); i++) {
      HttpResponse<String> progress = web.get(jobPath);
      assertEquals(200, progress.statusCode());
      status = progress.body();
      assertTrue(!status.contains("data-status=\"FAILED\""), status);
      Thread.sleep(100);
    }
    assertTrue(
        status.contains("2,500 rows written") || status.contains("2500 rows written"), status);
    return web.getBytes(jobPath + "/file");
  }

  /**
   * 2,500 calls of one user with a domestic plan and a funded wallet, in batches of 1,000: every
   * tenth to the UK for 61 seconds (0.06 from the wallet), the others 30 seconds domestic (pool).
   */
  private String calls(TestOrg org) throws Exception {
    ApiClient api = new ApiClient(base.toURI());
    String admin = org.key(Role.GLOBAL_ADMIN);
    String upn = api.creditsCaller(org);
    Fixtures.eaAgreement(org, "55667799");
    long ea =
        api.post(
                "payment-methods",
                admin,
                "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"55667799\"}")
            .json()
            .getJsonNumber("id")
            .longValue();
    ApiClient.Reply funded =
        api.post(
            "wallet/fundings",
            admin,
            "large-" + System.nanoTime(),
            "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                + ea
                + "}");
    assertTrue(funded.status() < 300, funded.body());
    Instant start = Instant.now().minusSeconds(2 * 3600);
    for (int batch = 0; batch < CALLS; batch += 1000) {
      StringBuilder calls = new StringBuilder("[");
      for (int i = batch + 1; i <= Math.min(CALLS, batch + 1000); i++) {
        if (i > batch + 1) {
          calls.append(',');
        }
        boolean uk = i % 10 == 0;
        calls.append(
            record("c" + i, upn, uk ? "+442079460000" : "+14255550101", start.plusSeconds(i), uk));
      }
      ApiClient.Reply reply =
          api.post("calls", org.key(Role.PLATFORM), calls.append(']').toString());
      assertEquals(200, reply.status(), reply.body());
    }
    return upn;
  }

  private static String record(String id, String upn, String to, Instant start, boolean uk) {
    int seconds = uk ? 61 : 30;
    return "{\"callId\":\""
        + id
        + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
        + upn
        + "\",\"from\":\"+14255550100\",\"to\":\""
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
