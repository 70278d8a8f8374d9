package com.commcredits.it;

import com.commcredits.devserver.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the embedded MariaDB 11.4 once for the whole integration-test run, before Arquillian
 * starts Liberty, on an empty throw-away data directory, and stops it at the end.
 */
public class EmbeddedDatabaseSession implements LauncherSessionListener {
  private static EmbeddedDatabase database;

  /** The running test database (the fault campaign stops and starts it). */
  public static synchronized EmbeddedDatabase database() {
    return database;
  }

  @Override
  public synchronized void launcherSessionOpened(LauncherSession session) {
    if (database == null) {
      try {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      database = EmbeddedDatabase.start(TestConfig.dbPort(), null, "commcredits");
    }
  }

  @Override
  public synchronized void launcherSessionClosed(LauncherSession session) {
    if (database != null) {
      database.close();
      database = null;
    }
  }
}
