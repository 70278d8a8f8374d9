package com.commcredits.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Posting a batch of call records to {@code POST /api/v1/calls} the way the benchmarks time it. */
final class CallBatches {
  private CallBatches() {}

  /**
   * Posts {@code jsonArray} with the platform key; returns the nanoseconds until the answer. Any
   * answer but a 200 with no rejected record fails the run.
   */
  static long post(HttpClient client, URI root, String platformKey, String jsonArray)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(root.resolve("api/v1/calls"))
            .header("Authorization", "Bearer " + platformKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonArray))
            .build();
    long started = System.nanoTime();
    HttpResponse<String> reply = client.send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - started;
    if (reply.statusCode() != 200 || reply.body().contains("\"REJECTED\"")) {
      throw new IllegalStateException(
          "A batch answered "
              + reply.statusCode()
              + ": "
              + reply.body().substring(0, Math.min(500, reply.body().length())));
    }
    return took;
  }
}
