package com.commcredits.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the server (its {@code /metrics} process CPU time) and by the test
 * run's MariaDB (its {@code /proc} entry, found by its port; Linux only), so a benchmark can say
 * what one request costs each of them, not only how long it took.
 */
final class ProcessCpu {
  private static final double CLOCK_TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private ProcessCpu() {}

  /**
   * The seconds all of the machine's CPUs have been busy so far ({@code /proc/stat}: all but idle
   * and waiting for I/O), or NaN where there is no such file.
   */
  static double machineBusy() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return (total - Long.parseLong(f[4]) - Long.parseLong(f[5])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** This JVM's CPU seconds (a benchmark's load generator). */
  static double self() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** The server JVM's CPU seconds, or NaN when its metrics do not say. */
  static double server(URI root) {
    return serverMetric(root, "cpu_processCpuTime_seconds");
  }

  /** The server's garbage collections so far: how many, and their seconds (all collectors). */
  static double[] serverGc(URI root) {
    return new double[] {serverMetric(root, "gc_total{"), serverMetric(root, "gc_time_seconds{")};
  }

  /** The sum of the server's {@code /metrics} lines that start with {@code name}, or NaN. */
  private static double serverMetric(URI root, String name) {
    try {
      String text =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(root.resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return text.lines()
          .filter(l -> l.startsWith(name))
          .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .reduce(Double::sum)
          .orElse(Double.NaN);
    } catch (IOException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  /** The CPU seconds of the mariadbd listening on {@code port}, or NaN when it is not found. */
  static double database(int port) {
    return pidOf("mariadbd", "--port=" + port).map(ProcessCpu::seconds).orElse(Double.NaN);
  }

  private static Optional<Path> pidOf(String program, String argument) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(
              p -> {
                try {
                  String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                  return cmd.contains(program) && cmd.contains(argument + " ");
                } catch (IOException e) {
                  return false;
                }
              })
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static double seconds(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state is field 0, utime field 11, stime field 12
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
