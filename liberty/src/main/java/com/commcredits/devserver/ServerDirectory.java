package com.commcredits.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Makes a second Liberty server from the same checkout (SERVER_NAME in the run command). */
final class ServerDirectory {
  private ServerDirectory() {}

  /**
   * A second server's directory: defaultServer's configuration and application, without its logs,
   * work area and keystore (each server generates its own).
   */
  static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(source);
        String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        if (List.of("logs", "workarea", "resources", "tranlog").contains(first)) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
