package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The spend guard's pages in headless Chromium (R-GUARD-1, R-GUARD-3): a cap set on the user's
 * page, read-only for a User admin, the brake turned off only with a confirmation, and Home's
 * banner after a trip; Billing > Spend caps per user, where a Billing admin (who has no user
 * management) sets one user's caps and several users' at once, and a User admin reads them.
 */
@ExtendWith(ArquillianExtension.class)
class SpendGuardPagesIT {
  @ArquillianResource URL base;
  private TestOrg org;
  private String upn;
  private ChromeDriver browser;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeEach
  void open() {
    org = Fixtures.organisation("GuardPages", "USD");
    upn = "adele@" + org.domain();
    Fixtures.addUser(org, upn, "Adele Vance", "US");
    browser = Browser.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  private void signIn(Role role) {
    Browser.signIn(browser, base.toString(), org.email(role), Fixtures.PASSWORD);
  }

  @Test
  void R_GUARD_1_a_global_admin_sets_a_users_caps_on_the_user_page_and_a_user_admin_reads_them()
      throws Exception {
    signIn(Role.GLOBAL_ADMIN);
    browser.get(base + "users/detail?upn=" + upn);
    assertEquals("None", browser.findElement(By.id("caps-monthly")).getText());
    browser.findElement(By.id("monthly")).sendKeys("25.00");
    browser.findElement(By.id("internationalMonthly")).sendKeys("5.555");
    Browser.clickThrough(browser, By.cssSelector("#spend-caps button[type=submit]"));
    assertTrue(
        browser.findElement(By.cssSelector("#spend-caps .field-error")).isDisplayed(),
        "5.555 has more digits than USD");
    browser.findElement(By.id("internationalMonthly")).clear();
    browser.findElement(By.id("internationalMonthly")).sendKeys("5.50");
    Browser.clickThrough(browser, By.cssSelector("#spend-caps button[type=submit]"));
    assertEquals(
        "The spend caps were saved.", browser.findElement(By.className("flash")).getText());
    assertEquals("25.00", browser.findElement(By.id("caps-monthly")).getText());
    assertEquals("5.50", browser.findElement(By.id("caps-international")).getText());
    Browser.screenshot(browser, "guard-user-caps");
    assertEquals(
        0,
        new BigDecimal("25.00")
            .compareTo(
                Fixtures.decimal(
                    "SELECT l.monthly_cap FROM user_spend_limit l JOIN directory_user u ON u.id = l.user_id "
                        + "WHERE u.organisation_id = ? AND u.upn = ?",
                    org.id(),
                    upn)));

    browser.manage().deleteAllCookies();
    signIn(Role.USER_ADMIN);
    browser.get(base + "users/detail?upn=" + upn);
    assertEquals("25.00", browser.findElement(By.id("caps-monthly")).getText());
    assertTrue(
        browser.findElements(By.cssSelector("#spend-caps form")).isEmpty(),
        "a User admin reads the caps but has no form");
  }

  @Test
  void R_GUARD_3_the_brake_is_turned_off_only_with_a_confirmation_and_home_shows_a_trip()
      throws Exception {
    ApiClient api = new ApiClient(base.toURI());
    String admin = org.key(Role.GLOBAL_ADMIN);
    long card = Fixtures.card(org);
    assertTrue(
        api.post("subscriptions", admin, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":1}").status()
            < 300);
    assertTrue(
        api.post("subscriptions", admin, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}")
                .status()
            < 300);
    assertEquals(
        201,
        api.post(
                "wallet/fundings",
                admin,
                UUID.randomUUID().toString(),
                "{\"amount\":{\"amount\":\"50.00\",\"currency\":\"USD\"},\"paymentMethodId\":"
                    + card
                    + "}")
            .status());
    for (String sku : new String[] {"BUSINESS_VOICE", "COMMUNICATIONS_CREDITS"}) {
      assertEquals(200, api.put("users/" + upn + "/licences/" + sku, admin, "").status());
    }

    signIn(Role.BILLING_ADMIN);
    browser.get(base + "billing/credits");
    Browser.clickThrough(browser, By.id("spend-controls-link"));
    assertEquals("On", browser.findElement(By.id("brake-state")).getText());
    browser.findElement(By.id("internationalPerHour")).clear();
    Browser.clickThrough(browser, By.cssSelector("#brake-form button[type=submit]"));
    assertTrue(
        browser
            .findElement(By.cssSelector(".has-error .field-error"))
            .getText()
            .contains("Confirm"),
        "an empty window turns the brake off only when confirmed");
    assertEquals("On", browser.findElement(By.id("brake-state")).getText());
    browser.findElement(By.id("internationalPerHour")).clear();
    browser.findElement(By.id("internationalPerHour")).sendKeys("0.50");
    Browser.clickThrough(browser, By.cssSelector("#brake-form button[type=submit]"));
    assertEquals(
        "The spend controls were saved.", browser.findElement(By.className("flash")).getText());

    Instant end = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    String callId = "trip-" + UUID.randomUUID();
    ApiClient.Reply rated =
        api.post(
            "calls",
            org.key(Role.PLATFORM),
            "[{\"callId\":\""
                + callId
                + "\",\"kind\":\"OUTBOUND\",\"userUpn\":\""
                + upn
                + "\",\"from\":\"+14255550100\",\"to\":\"+442079460000\",\"start\":\""
                + end.minusSeconds(1200)
                + "\",\"end\":\""
                + end
                + "\",\"durationSeconds\":1200}]");
    assertEquals(200, rated.status(), rated.body());

    browser.get(base.toString());
    String banner = browser.findElement(By.id("brake-alert")).getText();
    assertTrue(banner.contains(callId), banner);
    assertTrue(banner.contains("0.60"), banner);
    assertTrue(
        browser
            .findElement(By.id("brake-report"))
            .getAttribute("href")
            .contains("reports/usage?from="));
    Browser.screenshot(browser, "guard-home-trip");

    browser.get(base + "billing/spend-controls");
    assertEquals("Holding", browser.findElement(By.id("brake-state")).getText());
    browser.executeScript("window.confirm = function () { return true; };");
    Browser.clickThrough(browser, By.cssSelector("#brake-off button"));
    assertEquals("Off", browser.findElement(By.id("brake-state")).getText());
    browser.get(base.toString());
    assertFalse(
        browser.getPageSource().contains("brake-alert"),
        "a brake that no longer holds leaves Home");
  }

  private static final String CAPS_OF_USER =
      "SELECT l.monthly_cap FROM user_spend_limit l JOIN directory_user u ON u.id = l.user_id "
          + "WHERE u.organisation_id = ? AND u.upn = ?";

  private String cell(String user, String column) {
    return browser
        .findElement(By.cssSelector("tr[data-upn='" + user + "'] td." + column))
        .getText();
  }

  private long capChanges() {
    return Fixtures.count(
        "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
            + "'SPEND_LIMIT_CHANGED'",
        org.id());
  }

  @Test
  void R_GUARD_1_a_billing_admin_sets_one_users_caps_and_several_users_caps_on_spend_caps_per_user()
      throws Exception {
    String bob = "bob@" + org.domain();
    String carol = "carol@" + org.domain();
    long adeleId = Fixtures.count("SELECT id FROM directory_user WHERE upn = ?", upn);
    Fixtures.addUser(org, bob, "Bob Ito", "US");
    Fixtures.addUser(org, carol, "Carol Diaz", "US");
    Fixtures.update(
        "INSERT INTO user_month_spend (user_id, month, organisation_id, spend, "
            + "international_spend, call_seconds, calls) VALUES (?, ?, ?, 12.3400, 2.5000, 610, 3)",
        adeleId,
        YearMonth.now(ZoneId.of("America/Los_Angeles")).toString(),
        org.id());

    signIn(Role.BILLING_ADMIN);
    Browser.clickThrough(browser, By.cssSelector(".leftnav a[href$='/billing/spend-caps']"));
    assertEquals("12.34", cell(upn, "spent").replaceAll("[^0-9.]", ""));
    assertEquals("11", cell(upn, "minutes"));
    assertEquals("–", cell(upn, "cap-monthly"));

    // one user: the name opens that user's caps, and only the caps
    Browser.clickThrough(browser, By.cssSelector("tr[data-upn='" + upn + "'] a.caps-user"));
    assertTrue(
        browser.findElements(By.id("user-page-link")).isEmpty(),
        "a Billing admin is not sent to user management");
    browser.findElement(By.id("monthly")).sendKeys("25.00");
    browser.findElement(By.id("internationalMonthly")).sendKeys("5.555");
    Browser.clickThrough(browser, By.cssSelector("#caps-form button[type=submit]"));
    assertTrue(
        browser.findElement(By.id("internationalMonthly-error")).isDisplayed(),
        "5.555 has more digits than USD: the message is beside the field");
    assertEquals("25.00", browser.findElement(By.id("monthly")).getAttribute("value"));
    assertEquals("None", browser.findElement(By.id("caps-monthly")).getText());
    assertEquals(0, capChanges(), "a refused form changes nothing");
    browser.findElement(By.id("internationalMonthly")).clear();
    browser.findElement(By.id("internationalMonthly")).sendKeys("5.50");
    Browser.clickThrough(browser, By.cssSelector("#caps-form button[type=submit]"));
    assertEquals(
        "The spend caps were saved.", browser.findElement(By.className("flash")).getText());
    assertEquals("25.00", browser.findElement(By.id("caps-monthly")).getText());
    assertEquals("5.50", browser.findElement(By.id("caps-international")).getText());
    Browser.screenshot(browser, "guard-caps-user");

    // several users at once, from the list
    browser.get(base + "billing/spend-caps");
    browser.findElement(By.cssSelector("tr[data-upn='" + bob + "'] input[name=selected]")).click();
    browser
        .findElement(By.cssSelector("tr[data-upn='" + carol + "'] input[name=selected]"))
        .click();
    browser.findElement(By.cssSelector("#bulk-caps summary")).click();
    browser.findElement(By.id("monthly")).sendKeys("-1");
    Browser.clickThrough(browser, By.cssSelector("#bulk-caps button[type=submit]"));
    assertTrue(browser.findElement(By.id("monthly-error")).isDisplayed());
    assertTrue(
        browser
            .findElement(By.cssSelector("tr[data-upn='" + bob + "'] input[name=selected]"))
            .isSelected(),
        "the selection survives a refused form");
    assertEquals(1, capChanges(), "a refused bulk form changes nothing");
    browser.findElement(By.id("monthly")).clear();
    browser.findElement(By.id("monthly")).sendKeys("10.00");
    browser.findElement(By.id("internationalMonthly")).sendKeys("2.00");
    Browser.clickThrough(browser, By.cssSelector("#bulk-caps button[type=submit]"));
    assertEquals(
        "Spend caps were set for 2 user(s).", browser.findElement(By.className("flash")).getText());
    assertEquals("10.00", cell(bob, "cap-monthly"));
    assertEquals("2.00", cell(carol, "cap-international"));
    assertEquals("25.00", cell(upn, "cap-monthly"));
    Browser.screenshot(browser, "guard-caps-list");
    assertEquals(3, capChanges(), "every change is audited");
    assertEquals(
        0, new BigDecimal("10.00").compareTo(Fixtures.decimal(CAPS_OF_USER, org.id(), carol)));

    // the list as CSV, and still no user management for a Billing admin
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    HttpResponse<String> csv = web.get("billing/spend-caps?export=csv");
    assertEquals(200, csv.statusCode());
    assertTrue(
        csv.body().contains("Adele Vance," + upn + ",USD,25.00,5.50,12.34,2.50,11,3"), csv.body());
    assertEquals(403, web.get("users/detail?upn=" + upn).statusCode());
    assertEquals(403, web.get("users").statusCode());

    browser.get(base + "billing/spend-caps/user?upn=" + carol);
    Browser.clickThrough(browser, By.cssSelector("#caps-clear button"));
    assertEquals("None", browser.findElement(By.id("caps-monthly")).getText());
    assertEquals("None", browser.findElement(By.id("caps-international")).getText());
    assertEquals(4, capChanges());
  }

  @Test
  void R_GUARD_1_a_user_admin_reads_spend_caps_per_user_but_cannot_change_them() throws Exception {
    Fixtures.update(
        "INSERT INTO user_spend_limit (user_id, organisation_id, monthly_cap, updated_at) "
            + "SELECT id, organisation_id, 40.0000, NOW(6) FROM directory_user WHERE upn = ?",
        upn);
    signIn(Role.USER_ADMIN);
    browser.get(base + "users");
    Browser.clickThrough(browser, By.id("spend-caps-link"));
    assertEquals("40.00", cell(upn, "cap-monthly"));
    assertTrue(browser.findElements(By.id("bulk-caps")).isEmpty(), "no bulk form");
    assertTrue(browser.findElements(By.name("selected")).isEmpty(), "nothing to select");
    Browser.clickThrough(browser, By.cssSelector("tr[data-upn='" + upn + "'] a.caps-user"));
    assertEquals("40.00", browser.findElement(By.id("caps-monthly")).getText());
    assertTrue(browser.findElements(By.id("caps-form")).isEmpty(), "no form");
    assertTrue(
        browser.findElement(By.id("user-page-link")).getAttribute("href").contains("users/detail"));

    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.USER_ADMIN));
    assertEquals(
        403,
        web.post("billing/spend-caps/user", Map.of("upn", upn, "action", "save", "monthly", "1.00"))
            .statusCode());
    assertEquals(
        403,
        web.post("billing/spend-caps", Map.of("selected", upn, "monthly", "1.00")).statusCode());
    assertEquals(
        0, new BigDecimal("40.00").compareTo(Fixtures.decimal(CAPS_OF_USER, org.id(), upn)));
    assertEquals(0, capChanges());
  }

  @Test
  void R_GUARD_1_spend_caps_per_user_answer_404_for_another_organisations_user() throws Exception {
    TestOrg other = Fixtures.organisation("GuardOther", "USD");
    String stranger = "stranger@" + other.domain();
    Fixtures.addUser(other, stranger, "Stranger Danger", "US");

    signIn(Role.BILLING_ADMIN);
    browser.get(base + "billing/spend-caps/user?upn=" + stranger);
    assertFalse(browser.getPageSource().contains("Stranger Danger"));
    browser.get(base + "billing/spend-caps?q=stranger");
    assertTrue(browser.findElements(By.cssSelector("tr[data-upn]")).isEmpty());

    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    assertEquals(404, web.get("billing/spend-caps/user?upn=" + stranger).statusCode());
    assertEquals(
        404,
        web.post(
                "billing/spend-caps/user",
                Map.of("upn", stranger, "action", "save", "monthly", "1.00"))
            .statusCode());
    assertEquals(
        404,
        web.post("billing/spend-caps", Map.of("selected", stranger, "monthly", "1.00"))
            .statusCode());
    assertEquals(
        403,
        web.postRaw("billing/spend-caps/user", Map.of("upn", upn, "monthly", "1.00")).statusCode(),
        "no CSRF token");
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM user_spend_limit WHERE organisation_id IN (?, ?)",
            org.id(),
            other.id()));

    WebSession reader = new WebSession(base.toURI()).signedIn(org.email(Role.REPORTS_READER));
    assertEquals(403, reader.get("billing/spend-caps").statusCode());
    assertEquals(403, reader.get("billing/spend-caps/user?upn=" + upn).statusCode());
    assertEquals(403, reader.get("billing/spend-caps?export=csv").statusCode());
  }

  @Test
  void R_GUARD_1_spend_caps_per_user_pages_and_exports_thousands_of_users() throws Exception {
    int many = 3_000;
    String month = YearMonth.now(ZoneId.of("America/Los_Angeles")).toString();
    try (Connection c = Fixtures.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement user =
          c.prepareStatement(
              "INSERT INTO directory_user (organisation_id, display_name, upn, usage_location, "
                  + "state, created_at) VALUES (?, ?, ?, 'US', 'ACTIVE', ?)")) {
        for (int i = 0; i < many; i++) {
          user.setLong(1, org.id());
          user.setString(2, String.format("Zz User %04d", i));
          user.setString(3, String.format("zz%04d@%s", i, org.domain()));
          user.setTimestamp(4, Timestamp.from(Instant.now()));
          user.addBatch();
        }
        user.executeBatch();
      }
      try (PreparedStatement limits =
              c.prepareStatement(
                  "INSERT INTO user_spend_limit (user_id, organisation_id, monthly_cap, "
                      + "international_cap, updated_at) SELECT id, organisation_id, 30.0000, "
                      + "NULL, NOW(6) FROM directory_user WHERE organisation_id = ?");
          PreparedStatement spends =
              c.prepareStatement(
                  "INSERT INTO user_month_spend (user_id, month, organisation_id, spend, "
                      + "international_spend, call_seconds, calls) SELECT id, ?, organisation_id, "
                      + "1.0000, 0.0000, 60, 1 FROM directory_user WHERE organisation_id = ?")) {
        limits.setLong(1, org.id());
        limits.executeUpdate();
        spends.setString(1, month);
        spends.setLong(2, org.id());
        spends.executeUpdate();
      }
      c.commit();
    }

    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.BILLING_ADMIN));
    web.get("billing/spend-caps");
    long start = System.nanoTime();
    HttpResponse<String> last = web.get("billing/spend-caps?page=60");
    long pageMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, last.statusCode());
    assertTrue(last.body().contains("zz2999@" + org.domain()), "the last of 3,001 users, by name");
    assertTrue(last.body().contains("Page 61 of 61 ("), "50 a page");
    start = System.nanoTime();
    HttpResponse<String> csv = web.get("billing/spend-caps?export=csv");
    long csvMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, csv.statusCode());
    assertEquals(1 + many + 1, csv.body().lines().count(), "a header and every user");
    assertTrue(
        csv.body().contains("Zz User 1234,zz1234@" + org.domain() + ",USD,30.00,,1.00,0.00,1,1"));
    System.out.printf(
        "Spend caps per user, %,d users: last page %d ms, CSV %d ms%n",
        many + 1, pageMillis, csvMillis);
  }
}
