package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14: a background export started on another server (its row in export_job, its file in the
 * shared EXPORT_DIR, both written here as that server would) shows its progress and downloads on
 * this one, only for the admin who started it; a running job whose server went silent shows as
 * failed.
 */
@ExtendWith(ArquillianExtension.class)
class ExportsSharedIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private static String job(TestOrg org, String status, long written, LocalDateTime updated)
      throws Exception {
    String id = UUID.randomUUID().toString();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    Fixtures.update(
        "INSERT INTO export_job (id, organisation_id, admin_id, format, total, written, status,"
            + " started_at, updated_at, finished_at) VALUES (?, ?, ?, 'csv', 10, ?, ?, ?, ?, ?)",
        id,
        org.id(),
        org.adminIds().get(Role.GLOBAL_ADMIN),
        written,
        status,
        now.minusMinutes(30),
        updated,
        "DONE".equals(status) ? now : null);
    return id;
  }

  @Test
  void an_export_made_on_another_server_shows_and_downloads_here() throws Exception {
    TestOrg org = Fixtures.organisation("SharedExport", "USD");
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    String done = job(org, "DONE", 10, now);
    Path dir = Path.of(System.getProperty("export.dir"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(done + ".csv"), "Date,Call\r\nmade elsewhere\r\n");
    String running = job(org, "RUNNING", 4, now);
    String silent = job(org, "RUNNING", 4, now.minusMinutes(20));

    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    String page = web.get("reports/exports/" + done).body();
    assertTrue(page.contains("data-status=\"DONE\""), page);
    assertEquals(
        "Date,Call\r\nmade elsewhere\r\n",
        new String(web.getBytes("reports/exports/" + done + "/file"), StandardCharsets.UTF_8));
    assertTrue(web.get("reports/exports/" + running).body().contains("data-status=\"RUNNING\""));
    assertTrue(web.get("reports/exports/" + silent).body().contains("data-status=\"FAILED\""));

    WebSession colleague = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    assertEquals(404, colleague.get("reports/exports/" + done).statusCode());
  }
}
