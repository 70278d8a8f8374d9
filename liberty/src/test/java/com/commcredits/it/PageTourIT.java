package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * R-SEC-2 on every admin page, in a browser, for an organisation with users, licences, pools, a
 * funded wallet and hostile text in what admins typed: names and reasons are shown as text, never
 * as markup; every state-changing form carries the session's CSRF token, and a POST without it is
 * refused and changes nothing. Each page leaves a screenshot in target/screenshots/tour-*.png to
 * look at.
 */
@ExtendWith(ArquillianExtension.class)
class PageTourIT {
  private static final List<String> PAGES =
      List.of(
          "",
          "users",
          "users/import",
          "billing/products",
          "billing/subscriptions",
          "billing/payment-methods",
          "billing/credits",
          "reports",
          "reports/pools",
          "reports/pstn-usage",
          "messages",
          "billing/statements",
          "settings/api-keys",
          "settings/audit",
          "settings/admins",
          "settings/notifications",
          "settings/rates");

  /** Breaks out of an element's text. */
  private static final String SCRIPT = "<script>alert(1)</script>";

  /** Breaks out of an attribute's value. */
  private static final String IMG = "\"><img src=x onerror=alert(1)>";

  /** Records alert() calls instead of showing them, in every document the browser opens. */
  private static final String ALERT_RECORDER =
      "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };";

  /** How many elements the hostile text would have made, and how many alerts ran. */
  private static final String INJECTED =
      "return document.querySelectorAll('img[src=\"x\"]').length"
          + " + Array.from(document.scripts).filter(s => s.text.includes('alert(1)')).length"
          + " + (window.__alerts ? window.__alerts.length : 0);";

  /**
   * Each form with method post: the path it posts to and the token it carries (a hidden _csrf
   * field, or _csrf in the action's query for the multipart uploads). Attributes, not properties: a
   * field named "action" hides the form's action property.
   */
  private static final String POST_FORMS =
      "return Array.from(document.forms)"
          + ".filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post').map(f => {"
          + " const url = new URL(f.getAttribute('action') || '', document.baseURI);"
          + " const field = f.querySelector('input[name=\"_csrf\"]');"
          + " return [url.pathname, field ? field.value : (url.searchParams.get('_csrf') || '')];"
          + " });";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private TestOrg populatedOrganisation() throws Exception {
    TestOrg org = Fixtures.organisation("Tour", "USD");
    Fixtures.card(org);
    ApiClient api = new ApiClient(base.toURI());
    String key = org.key(Role.GLOBAL_ADMIN);
    api.post("subscriptions", key, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":5}");
    api.post("subscriptions", key, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}");
    String[][] users = {
      {"Adele Vance", "adele.vance", "US"},
      {"Lee Gu", "lee.gu", "CA"},
      {"Nestor Wilke", "nestor.wilke", "GB"},
      {SCRIPT, "script.user", "US"},
      {IMG, "img.user", "US"}
    };
    for (String[] u : users) {
      String upn = u[1] + "@" + org.domain();
      assertEquals(
          201,
          api.post(
                  "users",
                  key,
                  "{\"displayName\":"
                      + json(u[0])
                      + ",\"upn\":"
                      + json(upn)
                      + ",\"usageLocation\":\""
                      + u[2]
                      + "\"}")
              .status(),
          u[0]);
      api.put("users/" + upn + "/licences/BUSINESS_VOICE", key, "");
    }
    Fixtures.eaAgreement(org, "24681357");
    var ea =
        api.post(
            "payment-methods",
            key,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"24681357\"}");
    long eaId = ea.json().getJsonNumber("id").longValue();
    HttpRequest request =
        HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":{\"amount\":\"250.00\",\"currency\":"
                        + "\"USD\"},\"paymentMethodId\":"
                        + eaId
                        + ",\"purchaseOrder\":\"PO-42\"}"))
            .build();
    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    // hostile text typed into the admin center's own forms (an API key's name) and into the
    // operator's (an adjustment reason, shown in the tenant's ledger)
    api.operatorAdjust(org, "CREDIT", "1.00", IMG);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    assertEquals(
        200,
        web.post("settings/api-keys", Map.of("name", SCRIPT, "roles", "REPORTS_READER"))
            .statusCode());
    return org;
  }

  /** tour-users-detail-img.png for users/detail?upn=img.user@…: the same names on every run. */
  private static String pageName(String page) {
    return page.isEmpty()
        ? "home"
        : page.replaceAll("\\?upn=(\\w+)\\.user@.*", "-$1").replace('/', '-');
  }

  /** The tour, and the pages of the two users with hostile names. */
  private static List<String> tour(TestOrg org) {
    List<String> pages = new ArrayList<>(PAGES);
    pages.add("users/detail?upn=script.user@" + org.domain());
    pages.add("users/detail?upn=img.user@" + org.domain());
    return pages;
  }

  private static void assertNotAnErrorPage(ChromeDriver browser, String page) {
    String heading = browser.findElement(By.tagName("h1")).getText();
    assertFalse(
        List.of(
                "Something went wrong",
                "We could not find that page",
                "You do not have access to this page")
            .contains(heading),
        page + " showed: " + heading);
    assertFalse(browser.getPageSource().contains("Exception"), page + " leaks an exception");
  }

  private static void assertNothingInjected(ChromeDriver browser, String page) {
    assertEquals(
        0L,
        ((Number) browser.executeScript(INJECTED)).longValue(),
        page + ": an element, script or alert came from user-supplied text");
    assertThrows(
        NoAlertPresentException.class, () -> browser.switchTo().alert(), page + " shows an alert");
  }

  @Test
  void R_SEC_2_user_supplied_text_is_escaped_on_every_page_and_never_becomes_markup()
      throws Exception {
    TestOrg org = populatedOrganisation();
    // where each hostile text must appear, escaped, in what the server sent
    Map<String, List<String>> shown = new LinkedHashMap<>();
    shown.put("users", List.of(SCRIPT, IMG));
    shown.put("users/detail?upn=script.user@" + org.domain(), List.of(SCRIPT));
    shown.put("users/detail?upn=img.user@" + org.domain(), List.of(IMG));
    shown.put("settings/api-keys", List.of(SCRIPT));
    shown.put("billing/credits", List.of(IMG));
    WebSession http = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    ChromeDriver browser = Browser.start();
    try {
      browser.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", ALERT_RECORDER));
      Browser.signIn(browser, base.toString(), org.email(Role.GLOBAL_ADMIN), Fixtures.PASSWORD);
      for (String page : tour(org)) {
        browser.get(base + page);
        Browser.screenshot(browser, "tour-" + pageName(page));
        assertNotAnErrorPage(browser, page);
        assertNothingInjected(browser, page);

        String sent = http.get(page).body();
        assertFalse(sent.contains(SCRIPT), page + " sent a script element from user text");
        assertFalse(sent.contains("<img src=x"), page + " sent an img element from user text");
        String text = browser.findElement(By.tagName("body")).getText();
        for (String hostile : shown.getOrDefault(page, List.of())) {
          assertTrue(sent.contains(escaped(hostile)), page + " sends " + escaped(hostile));
          assertTrue(text.contains(hostile), page + " shows, as text: " + hostile);
        }
      }
      browser.get(base + "users/detail?upn=adele.vance@" + org.domain());
      assertEquals("Adele Vance", browser.findElement(By.tagName("h1")).getText());
      Browser.screenshot(browser, "tour-user-detail");

      // typed into a form and shown again in the field's value attribute
      browser.get(base + "settings/api-keys");
      browser.findElement(By.cssSelector("details.inline-panel summary")).click();
      browser.findElement(By.id("name")).sendKeys(IMG);
      browser.findElement(By.cssSelector("form.panel-form button[type=submit]")).click();
      browser.findElement(By.tagName("h1"));
      assertNothingInjected(browser, "settings/api-keys after submitting");
      assertTrue(
          IMG.equals(browser.findElement(By.id("name")).getDomProperty("value"))
              || browser.findElement(By.tagName("body")).getText().contains(IMG),
          "the typed name comes back as text");
    } finally {
      browser.quit();
    }
  }

  /** How Thymeleaf writes text into HTML. */
  private static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** What a POST could change in the organisation: every change is audited, most leave rows. */
  private static String state(TestOrg org) {
    long id = org.id();
    return List.of(
                "audit_entry",
                "api_key",
                "directory_user",
                "admin_account",
                "subscription",
                "payment_method",
                "billing_contact",
                "notification")
            .stream()
            .map(
                t ->
                    t
                        + "="
                        + Fixtures.count(
                            "SELECT COUNT(*) FROM " + t + " WHERE organisation_id = ?", id))
            .collect(Collectors.joining(", "))
        + ", ledger_entry="
        + Fixtures.count(
            "SELECT COUNT(*) FROM ledger_entry e JOIN wallet w ON w.id = e.wallet_id "
                + "WHERE w.organisation_id = ?",
            id);
  }

  @Test
  void R_SEC_2_every_post_form_carries_the_CSRF_token_and_a_post_without_it_is_refused()
      throws Exception {
    TestOrg org = populatedOrganisation();
    ChromeDriver browser = Browser.start();
    try {
      Browser.signIn(browser, base.toString(), org.email(Role.GLOBAL_ADMIN), Fixtures.PASSWORD);
      Set<String> actions = new TreeSet<>();
      Set<String> tokens = new TreeSet<>();
      int forms = 0;
      for (String page : tour(org)) {
        browser.get(base + page);
        assertNotAnErrorPage(browser, page);
        @SuppressWarnings("unchecked")
        List<List<String>> posts = (List<List<String>>) browser.executeScript(POST_FORMS);
        for (List<String> form : posts) {
          forms++;
          assertFalse(
              form.get(1).isEmpty(), page + ": the form to " + form.get(0) + " has no token");
          tokens.add(form.get(1));
          // the path inside the application: the tour may run under a context root
          actions.add(form.get(0).substring(base.getPath().length() - 1));
        }
      }
      assertTrue(forms >= 20, "the tour met " + forms + " post forms: too few to prove anything");
      assertTrue(
          actions.containsAll(
              Set.of(
                  "/sign-out",
                  "/users",
                  "/billing/credits",
                  "/settings/api-keys",
                  "/settings/admins",
                  "/users/detail")),
          "the tour covers the forms that change users, money, keys and admins: " + actions);
      assertEquals(1, tokens.size(), "one token per session: " + tokens);
      String token = tokens.iterator().next();

      // a forged POST: the browser's own session cookie, every field a form sends, no token
      String cookies =
          browser.manage().getCookies().stream()
              .map(c -> c.getName() + "=" + c.getValue())
              .collect(Collectors.joining("; "));
      HttpClient client =
          HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("action", "adjust");
      fields.put("direction", "CREDIT");
      fields.put("amount", "5.00");
      fields.put("reason", "forged");
      fields.put("idempotencyKey", UUID.randomUUID().toString());
      fields.put("name", "Forged key");
      fields.put("roles", "GLOBAL_ADMIN");
      fields.put("displayName", "Forged User");
      fields.put("upn", "forged@" + org.domain());
      fields.put("usageLocation", "US");
      fields.put("email", "forged@" + org.domain());
      fields.put("emails", "forged@" + org.domain());
      fields.put("sku", "BUSINESS_VOICE");
      fields.put("quantity", "1");
      String before = state(org);
      for (String action : actions) {
        assertEquals(
            403, post(client, action, cookies, fields).statusCode(), action + " without a token");
        Map<String, String> wrong = new LinkedHashMap<>(fields);
        wrong.put("_csrf", token.substring(1) + "x");
        assertEquals(
            403, post(client, action, cookies, wrong).statusCode(), action + " with a wrong token");
      }
      assertEquals(before, state(org), "the refused posts changed nothing");
      assertEquals(0, forgedKeys(org));

      // the session itself is alive: the refusals came from the missing token, not a lost sign-in
      browser.get(base + "settings/api-keys");
      assertTrue(browser.getCurrentUrl().endsWith("settings/api-keys"), browser.getCurrentUrl());
      Map<String, String> genuine = new LinkedHashMap<>(fields);
      genuine.put("_csrf", token);
      assertEquals(200, post(client, "/settings/api-keys", cookies, genuine).statusCode());
      assertEquals(1, forgedKeys(org));
    } finally {
      browser.quit();
    }
  }

  private static long forgedKeys(TestOrg org) {
    return Fixtures.count(
        "SELECT COUNT(*) FROM api_key WHERE organisation_id = ? AND name = 'Forged key'", org.id());
  }

  private HttpResponse<String> post(
      HttpClient client, String path, String cookies, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI target = base.toURI().resolve(path.substring(1)); // relative to the application
    return client.send(
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", cookies)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
