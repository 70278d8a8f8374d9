package com.commcredits.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.ApiClient;
import com.commcredits.it.Browser;
import com.commcredits.it.Fixtures;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.it.MailServerSession;
import com.commcredits.shared.Role;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Fault 2, one of two servers killed: a second Liberty server ({@code <it.server.name>Fault2},
 * ports {@code fault.http.port2} / {@code fault.https.port2}) joins the campaign's on the same
 * database; 2 threads post batches of 1,000 calls, one to each server, and re-post a batch without
 * an answer to the other server (as a load balancer would); an admin signs in with Chromium on the
 * first server, which is killed with kill -9 a third of the way through the batches. The browser,
 * whose cookie goes to the survivor as it would behind a load balancer (a cookie is not bound to a
 * port), still sees Home and posts a form with the session's CSRF token; a mail queued after the
 * kill is sent by the survivor's outbox; and a persistent timer (the hourly runway check), made due
 * at the kill and claimed by the killed server the way Liberty writes a claim, runs on the survivor
 * within README's failover bound (missedTaskThreshold + pollInterval = 200 s).
 */
final class TwoServersFault {
  private static final int PORT2 = Integer.getInteger("fault.http.port2", 9283);
  private static final int HTTPS_PORT2 = Integer.getInteger("fault.https.port2", 9284);
  private static final int THREADS = 2;
  private static final int BATCH = 1000;
  private static final int BATCHES_PER_THREAD = Integer.getInteger("fault.twoBatches", 12);

  /** Liberty's failover bound in server.xml: missedTaskThreshold 100 s + pollInterval 100 s. */
  private static final int FAILOVER_SECONDS = 200;

  private static Process second;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** Kills the second server if a fault left it running. */
  static void stop() throws InterruptedException {
    if (second != null && second.isAlive()) {
      FaultServers.kill(second);
    }
  }

  void run() throws Exception {
    URI[] roots = {
      URI.create("http://localhost:" + FaultCampaign.PORT + "/"),
      URI.create("http://localhost:" + PORT2 + "/")
    };
    String[] names = {FaultServers.name("Fault"), FaultServers.name("Fault2")};
    TestOrg org = Fixtures.organisation("FaultTwo", "USD");
    String upn = FaultCampaign.fundedCaller(new ApiClient(roots[0]), org);
    second = FaultServers.start("Fault2", PORT2, HTTPS_PORT2);
    double secondStart = FaultServers.awaitReady(http, roots[1]);
    System.out.printf(Locale.ROOT, "FaultCampaign: second server ready in %.1f s%n", secondStart);

    // the victim: the campaign's first server; at the kill it is made to hold a claim on a due
    // persistent timer (a persistent timer belongs to no server: the one that claims it runs it)
    List<TimerTasks.Task> tasks = TimerTasks.all();
    tasks.forEach(t -> System.out.println("FaultCampaign: timer " + t));
    int victim = 0;
    int survivor = 1;
    TimerTasks.Task timer = TimerTasks.pick(tasks);

    ChromeDriver browser = Browser.start();
    try {
      String base = roots[victim].toString();
      Browser.signIn(browser, base, org.email(Role.GLOBAL_ADMIN), Fixtures.PASSWORD);
      assertEquals(org.name(), browser.findElement(By.tagName("h1")).getText());
      String sessionBefore = sessionId(browser);

      String platform = org.key(Role.PLATFORM);
      String run = UUID.randomUUID().toString().substring(0, 8);
      Instant start = Fixtures.recentCallStart();
      AtomicLong requests = new AtomicLong();
      AtomicLong reposts = new AtomicLong();
      AtomicLongArray okOn = new AtomicLongArray(2);
      AtomicLong okAfterKill = new AtomicLong();
      AtomicLong answered = new AtomicLong();
      AtomicLong killedAt = new AtomicLong();
      List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        clients.add(
            pool.submit(
                () -> {
                  int target = thread % 2;
                  for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                    String body = FaultCampaign.batch(run, thread, b, upn, start, BATCH);
                    while (true) {
                      requests.incrementAndGet();
                      int status = post(roots[target], platform, body, errors);
                      if (status / 100 == 2) {
                        okOn.incrementAndGet(target);
                        if (killedAt.get() != 0) {
                          okAfterKill.incrementAndGet();
                        }
                        break;
                      }
                      if (status == 0) {
                        throw new IllegalStateException(errors.get(errors.size() - 1));
                      }
                      reposts.incrementAndGet(); // no answer: the other server takes it
                      target = 1 - target;
                      Thread.sleep(200);
                    }
                    answered.incrementAndGet();
                  }
                  return null;
                }));
      }
      int total = THREADS * BATCHES_PER_THREAD;
      while (answered.get() < total / 3 && clients.stream().anyMatch(c -> !c.isDone())) {
        Thread.sleep(20);
      }
      Thread.sleep(new Random().nextInt(1000));
      boolean killDuringLoad = answered.get() < total;
      Process victimProcess = victim == 0 ? FaultCampaign.server : second;
      FaultServers.kill(victimProcess);
      long killed = System.currentTimeMillis();
      killedAt.set(killed);
      // a calendar timer's time is a whole second (Liberty refuses a "mid-second" last timeout)
      long due = killed - killed % 1000;
      TimerTasks.claimedByTheDead(timer, due);

      // the browser carries on against the survivor, on the same session
      long browserStarted = System.nanoTime();
      browser.get(roots[survivor].toString());
      assertTrue(!browser.getCurrentUrl().contains("/sign-in"), "still signed in on the survivor");
      assertEquals(org.name(), browser.findElement(By.tagName("h1")).getText());
      browser.get(roots[survivor] + "users");
      browser.findElement(By.cssSelector("details.inline-panel summary")).click();
      browser.findElement(By.id("displayName")).sendKeys("Failover Person");
      browser.findElement(By.id("upn")).sendKeys("failover@" + org.domain());
      browser.findElement(By.id("usageLocation")).sendKeys("GB");
      browser.findElement(By.cssSelector("form.panel-form button[type=submit]")).click();
      assertTrue(
          browser.findElement(By.cssSelector(".flash")).getText().contains("failover@"),
          "the form posted on the survivor with the session's CSRF token");
      double browserSeconds = (System.nanoTime() - browserStarted) / 1e9;
      String sessionAfter = sessionId(browser);
      assertEquals(sessionBefore, sessionAfter, "the same session, read from the database");

      // a mail queued after the kill goes out from the survivor's outbox timer
      ApiClient api = new ApiClient(roots[survivor]);
      api.operatorAdjust(org, "CREDIT", "1.00", "Two servers, one killed");
      FaultCampaign.await(
          "the adjustment's mail",
          Duration.ofMinutes(3),
          () ->
              Fixtures.count(
                      "SELECT COUNT(*) FROM notification WHERE organisation_id = ?"
                          + " AND event = 'WALLET_ADJUSTED' AND status = 'SENT'",
                      org.id())
                  == 1);
      double mailSeconds = (System.currentTimeMillis() - killed) / 1000.0;

      for (Future<?> client : clients) {
        client.get(10, TimeUnit.MINUTES);
      }
      pool.shutdown();

      // the dead server's timer, due since the kill, runs on the survivor
      long ran = TimerTasks.awaitRun(timer, due, Duration.ofMinutes(6));
      double timerSeconds = (ran - killed) / 1000.0; // only the survivor is left to run it

      long expected = (long) THREADS * BATCHES_PER_THREAD * BATCH;
      FaultCampaign.CallCounts counts = FaultCampaign.CallCounts.of(org.id(), run);
      long records = counts.records();
      long distinct = counts.distinct();
      Thread.sleep(10_000); // a second delivery, if any, would come within the sender's next runs
      long[] mail = mailCopies(org);
      long lost = expected - distinct + Math.max(0, mail[1] - mail[0]);
      long doubled = records - distinct + Math.max(0, mail[0] - mail[1]);
      long drift = FaultCampaign.drift(api);
      String line =
          String.format(
              Locale.ROOT,
              "RESULT 2-two-servers requests=%d ok=%d lost=%d doubled=%d drift=%d"
                  + " recovery=%.1fs (killed %s while %s; answered"
                  + " by %s %d, by %s %d, by the survivor after the kill %d; re-posts to the"
                  + " other server %d; calls %d; browser on the survivor: Home and a form in %.1f"
                  + " s, same session; mail queued after the kill sent %.1f s after it; timer %d,"
                  + " due and claimed by the killed server at the kill, run on %s %.1f s after it,"
                  + " bound %d s)",
              requests.get(),
              okOn.get(0) + okOn.get(1),
              lost,
              doubled,
              drift,
              timerSeconds,
              names[victim],
              killDuringLoad ? "batches were being posted" : "no batch was left",
              names[0],
              okOn.get(0),
              names[1],
              okOn.get(1),
              okAfterKill.get(),
              reposts.get(),
              expected,
              browserSeconds,
              mailSeconds,
              timer.id(),
              names[survivor],
              timerSeconds,
              FAILOVER_SECONDS);
      System.out.println(line);
      FaultCampaign.RESULTS.add(line);
      FaultCampaign.row(
          "one of two servers killed",
          requests.get(),
          (okOn.get(0) + okOn.get(1))
              + " batches of 1,000 ("
              + okAfterKill.get()
              + " by the survivor after the kill); the browser session and its CSRF token carried"
              + " over",
          lost,
          doubled,
          drift,
          String.format(
              Locale.ROOT,
              "%.1f s (kill to the dead server's claimed timer run on the survivor; bound %d s);"
                  + " mail queued after the kill sent in %.1f s",
              timerSeconds,
              FAILOVER_SECONDS,
              mailSeconds));
      assertTrue(killDuringLoad, "killed while batches were being posted");
      assertTrue(okAfterKill.get() > 0, "the survivor answered batches after the kill");
      assertTrue(timerSeconds <= FAILOVER_SECONDS + 30, "timer failover within the bound");
      assertEquals(0, lost, "every call rated, the mail delivered");
      assertEquals(0, doubled, "nothing twice");
      assertEquals(0, drift, "the reconciliation finds nothing");
    } finally {
      browser.quit();
      // back to one server on the campaign's ports for the faults after this one
      if (!FaultCampaign.server.isAlive()) {
        FaultCampaign.server = FaultCampaign.start();
        FaultServers.awaitReady(http, roots[0]);
      }
      stop();
    }
  }

  /** Posts a batch; 2xx, -1 for no answer (re-post elsewhere), 0 for a refusal (recorded). */
  private int post(URI root, String key, String body, List<String> errors)
      throws InterruptedException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(root.resolve("api/v1/calls"))
                  .timeout(Duration.ofSeconds(120))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 == 2) {
        return r.statusCode();
      }
      boolean problem = r.headers().firstValue("Content-Type").orElse("").contains("problem+json");
      if ((r.statusCode() == 503 && problem)
          || (r.statusCode() == 404 && r.body().contains("CONTEXT_ROOT_NOT_FOUND"))) {
        return -1;
      }
      errors.add(root + " answered " + r.statusCode() + ": " + r.body());
      return 0;
    } catch (IOException noAnswer) {
      return -1;
    }
  }

  /** The session id in Liberty's cookie (cache id, id, ':' clone id). */
  private static String sessionId(ChromeDriver browser) {
    String cookie = browser.manage().getCookieNamed("CCSESSION").getValue();
    int colon = cookie.indexOf(':');
    return cookie.substring(4, colon < 0 ? cookie.length() : colon);
  }

  /** Copies of the adjustment's mail: {received, expected (one per recipient)}. */
  private static long[] mailCopies(TestOrg org) throws Exception {
    String subject;
    long expected;
    try (var c = Fixtures.connect();
        var ps =
            c.prepareStatement(
                "SELECT subject, LENGTH(recipients) - LENGTH(REPLACE(recipients, ',', '')) + 1"
                    + " FROM notification WHERE organisation_id = ? AND event = 'WALLET_ADJUSTED'")) {
      ps.setLong(1, org.id());
      try (var rs = ps.executeQuery()) {
        rs.next();
        subject = rs.getString(1);
        expected = rs.getLong(2);
      }
    }
    long received = 0;
    for (MimeMessage m : MailServerSession.mail().getReceivedMessagesForDomain(org.domain())) {
      if (subject.equals(m.getSubject())) {
        received++;
      }
    }
    return new long[] {received, expected};
  }
}
