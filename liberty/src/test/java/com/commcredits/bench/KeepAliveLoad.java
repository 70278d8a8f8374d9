package com.commcredits.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A load generator that costs the machine little: plain HTTP/1.1 POSTs on a fixed set of kept-alive
 * sockets, one blocking thread each, the way a telephony platform keeps its connections to a
 * billing API open. The JDK's {@code HttpClient} spent about 1.3 ms of CPU per request in {@code
 * sendAsync} (more than the server's 1 ms for the authorisation itself), and on a 2-core machine
 * that it shares with the server and the database its CPU was the server's queueing.
 *
 * <p>Open loop: request {@code i} is due at {@code origin + i / rate}; it waits in a queue until a
 * connection is free, and its latency counts from when it was due, so a slow answer cannot hide the
 * requests queued behind it.
 */
final class KeepAliveLoad {
  private final URI root;
  private final String path;
  private final String apiKey;

  KeepAliveLoad(URI root, String path, String apiKey) {
    this.root = root;
    this.path = path;
    this.apiKey = apiKey;
  }

  /** A request's answer: the status and the body. */
  record Answer(int status, String body) {}

  /**
   * Sends {@code count} requests due {@code 1/rate} s apart over {@code connections} sockets;
   * returns each one's latency in nanoseconds from when it was due. Every answer goes to {@code
   * check}, which throws to fail the run.
   */
  long[] openLoop(
      int rate, int count, int connections, IntFunction<String> body, Consumer<Answer> check)
      throws InterruptedException {
    long period = 1_000_000_000L / rate;
    long origin = System.nanoTime() + 50_000_000L;
    long[] latencies = new long[count];
    BlockingQueue<Integer> due = new LinkedBlockingQueue<>();
    CountDownLatch answered = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread worker =
          new Thread(
              () -> {
                try (Connection connection = new Connection()) {
                  while (true) {
                    int i = due.take();
                    Answer answer = connection.post(body.apply(i));
                    latencies[i] = System.nanoTime() - (origin + i * period);
                    check.accept(answer);
                    answered.countDown();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  while (answered.getCount() > 0) {
                    answered.countDown();
                  }
                }
              },
              "keep-alive-load-" + c);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    for (int i = 0; i < count && failure.get() == null; i++) {
      long wait = origin + i * period - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      due.add(i);
    }
    answered.await();
    workers.forEach(Thread::interrupt);
    if (failure.get() != null) {
      throw new IllegalStateException("The load failed: " + failure.get(), failure.get());
    }
    return latencies;
  }

  /** One request after another on one connection; each one's service time in nanoseconds. */
  long[] inTurn(int count, IntFunction<String> body, Consumer<Answer> check) {
    long[] took = new long[count];
    try (Connection connection = new Connection()) {
      for (int i = 0; i < count; i++) {
        long started = System.nanoTime();
        Answer answer = connection.post(body.apply(i));
        took[i] = System.nanoTime() - started;
        check.accept(answer);
      }
    }
    return took;
  }

  /** The milliseconds at {@code percentile} of the latencies from {@code from} on. */
  static double percentile(long[] latencies, int from, double percentile) {
    long[] sorted = Arrays.copyOfRange(latencies, from, latencies.length);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** One socket, reopened when the server closes it (Liberty does after 100 requests). */
  private final class Connection implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Answer post(String json) {
      try {
        if (socket == null) {
          socket = new Socket(root.getHost(), root.getPort());
          socket.setTcpNoDelay(true);
          in = new BufferedInputStream(socket.getInputStream());
          out = socket.getOutputStream();
        }
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        out.write(
            ("POST "
                    + root.getPath()
                    + path
                    + " HTTP/1.1\r\nHost: "
                    + root.getHost()
                    + ":"
                    + root.getPort()
                    + "\r\nAuthorization: Bearer "
                    + apiKey
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + content.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        throw new UncheckedIOException(e);
      }
    }

    private Answer read() throws IOException {
      int status = -1;
      int length = -1;
      boolean closing = false;
      StringBuilder line = new StringBuilder();
      while (true) {
        int c = in.read();
        if (c < 0) {
          throw new EOFException("The server closed the connection before answering");
        }
        if (c != '\n') {
          line.append((char) c);
          continue;
        }
        String header = line.toString().strip();
        line.setLength(0);
        if (header.isEmpty()) {
          break;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (status < 0) {
          status = Integer.parseInt(header.substring(9, 12));
        } else if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(header.substring(15).strip());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          throw new IOException("Chunked answers are not read here; the API sends a length");
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closing = true;
        }
      }
      String text = new String(in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8);
      if (closing) {
        close();
      }
      return new Answer(status, text);
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing a socket the server already closed
        }
        socket = null;
      }
    }
  }
}
