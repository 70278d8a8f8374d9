package com.commcredits.it;

import java.net.URI;

/** Ports and paths the build passes to the integration tests. */
public final class TestConfig {
  private TestConfig() {}

  public static int dbPort() {
    return Integer.getInteger("it.db.port", 3316);
  }

  public static String jdbcUrl(String database) {
    return "jdbc:mysql://127.0.0.1:"
        + dbPort()
        + "/"
        + database
        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true";
  }

  /** The server root, where health and OpenAPI live. */
  public static URI serverRoot() {
    return URI.create("http://localhost:" + Integer.getInteger("it.http.port", 9080) + "/");
  }
}
