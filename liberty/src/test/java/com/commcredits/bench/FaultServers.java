package com.commcredits.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fault campaign's Liberty servers: each made from the test server's directory under its own
 * name ({@code <it.server.name><suffix>}), started with {@code wlp/bin/server run} on the test
 * run's embedded MariaDB and GreenMail, on its own ports, and killed with kill -9.
 */
final class FaultServers {
  private FaultServers() {}

  /** The Liberty name of the campaign's server with this suffix. */
  static String name(String suffix) {
    return System.getProperty("it.server.name") + suffix;
  }

  /** This server's directory, made (again) from the test server's; logs and workarea are kept. */
  static Path serverDir(String suffix) throws IOException {
    Path testServer = Path.of(System.getProperty("wlp.server.dir"));
    Path dir = testServer.resolveSibling(name(suffix));
    try (var files = Files.walk(testServer)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = testServer.relativize(source);
        String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        if (List.of("logs", "workarea", "resources", "apps", "dropins").contains(first)) {
          continue;
        }
        Path target = dir.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path overrides = dir.resolve("configDropins/overrides");
    Files.createDirectories(overrides);
    Files.deleteIfExists(overrides.resolve("arquillian.xml"));
    Files.writeString(
        overrides.resolve("application.xml"),
        "<server><webApplication id=\"commcredits\" location=\""
            + Path.of(System.getProperty("app.war")).toAbsolutePath()
            + "\" contextRoot=\"/\"/></server>");
    return dir;
  }

  /** Starts the server; its console goes to {@code fault[suffix]-console.log} beside it. */
  static Process start(String suffix, int httpPort, int httpsPort) throws IOException {
    Path dir = serverDir(suffix);
    Path wlp = dir.getParent().getParent().getParent();
    String log =
        "Fault".equals(suffix) ? "fault-console.log" : suffix.toLowerCase() + "-console.log";
    ProcessBuilder builder =
        new ProcessBuilder(
                wlp.resolve("bin/server").toString(), "run", dir.getFileName().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(log).toFile()));
    Map<String, String> env = builder.environment(); // the test JVM's: DB_*, SMTP_* of this run
    env.put("HTTP_PORT", String.valueOf(httpPort));
    env.put("HTTPS_PORT", String.valueOf(httpsPort));
    return builder.start();
  }

  /** kill -9 of the server's Java process (bin/server run's child) and the script. */
  static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Seconds until {@code root}/health/ready answers 200. */
  static double awaitReady(HttpClient http, URI root) throws Exception {
    long started = System.nanoTime();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(root.resolve("health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - started) / 1e9;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(root + " did not become ready in 5 minutes");
  }
}
