package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * banner after a trip.
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
    browser.findElement(By.cssSelector("#spend-caps button[type=submit]")).click();
    assertTrue(
        browser.findElement(By.cssSelector("#spend-caps .field-error")).isDisplayed(),
        "5.555 has more digits than USD");
    browser.findElement(By.id("internationalMonthly")).clear();
    browser.findElement(By.id("internationalMonthly")).sendKeys("5.50");
    browser.findElement(By.cssSelector("#spend-caps button[type=submit]")).click();
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
    browser.findElement(By.id("spend-controls-link")).click();
    assertEquals("On", browser.findElement(By.id("brake-state")).getText());
    browser.findElement(By.id("internationalPerHour")).clear();
    browser.findElement(By.cssSelector("#brake-form button[type=submit]")).click();
    assertTrue(
        browser
            .findElement(By.cssSelector(".has-error .field-error"))
            .getText()
            .contains("Confirm"),
        "an empty window turns the brake off only when confirmed");
    assertEquals("On", browser.findElement(By.id("brake-state")).getText());
    browser.findElement(By.id("internationalPerHour")).clear();
    browser.findElement(By.id("internationalPerHour")).sendKeys("0.50");
    browser.findElement(By.cssSelector("#brake-form button[type=submit]")).click();
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
    browser.findElement(By.cssSelector("#brake-off button")).click();
    assertEquals("Off", browser.findElement(By.id("brake-state")).getText());
    browser.get(base.toString());
    assertFalse(
        browser.getPageSource().contains("brake-alert"),
        "a brake that no longer holds leaves Home");
  }
}
