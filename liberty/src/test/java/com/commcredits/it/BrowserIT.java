package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in headless Chromium: signs in, sees Home and the navigation of their role, adds a user,
 * and buys Communications Credits with a card added on Payment methods.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT {
  private static TestOrg org;

  @ArquillianResource URL base;
  private ChromeDriver browser;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeAll
  static void organisation() {
    org = Fixtures.organisation("Browser", "USD");
    Fixtures.addUser(org, "adele@" + org.domain(), "Adele Vance", "US");
    Fixtures.addUser(org, "lee@" + org.domain(), "Lee Gu", "CA");
  }

  @BeforeEach
  void open() {
    browser = Browser.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  private void signIn(String email) {
    Browser.signIn(browser, base.toString(), email, Fixtures.PASSWORD);
  }

  @Test
  void R_SEC_1_a_global_admin_signs_in_in_a_browser_and_sees_home() throws Exception {
    browser.get(base.toString());
    assertTrue(
        browser.getCurrentUrl().contains("/sign-in"), "a signed-out visitor is sent to sign in");
    Browser.screenshot(browser, "sign-in");
    signIn(org.email(Role.GLOBAL_ADMIN));

    assertEquals(org.name(), browser.findElement(By.tagName("h1")).getText());
    List<String> nav =
        browser.findElements(By.cssSelector(".leftnav a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(
        List.of(
            "Home",
            "Active users",
            "Products & services",
            "Subscriptions",
            "Payment methods",
            "Spend caps",
            "EA statements",
            "Reports",
            "Message center",
            "API keys",
            "Audit log",
            "Admins",
            "Billing notifications",
            "Rates"),
        nav);
    Path shot = Browser.screenshot(browser, "home");
    assertTrue(Files.size(shot) > 10_000, "a real screenshot was written to " + shot);
  }

  private static TestOrg spender;

  /** One organisation for both Home screenshots: 1,000.00 funded, 30 minutes to a UK mobile. */
  private synchronized TestOrg spender() throws Exception {
    if (spender == null) {
      spender = ForesightIT.spending(base, "Home", "1000.00", 30);
    }
    return spender;
  }

  /** Home for a role: runway and funds at risk shown, the page saved whole as a screenshot. */
  private void home(Role role, String screenshot) throws Exception {
    signIn(spender().email(role));
    browser.get(base.toString());
    String runway = browser.findElement(By.id("home-runway")).getText();
    assertTrue(
        runway.matches("At the last 30 days' pace, [0-9,.]+ USD lasts about \\d+ days, until .+"),
        runway);
    assertTrue(
        browser.findElement(By.id("home-at-risk")).getText().contains("may expire unused"),
        "the funds at risk of expiring (R-SEE-2)");
    assertTrue(browser.findElement(By.id("home-spend")).getText().contains("Outbound"));
    assertTrue(
        browser.findElement(By.id("home-pools")).getText().contains("Communications Credits"));
    Path shot = wholePage(screenshot);
    assertTrue(Files.size(shot) > 10_000, "a real screenshot was written to " + shot);
  }

  /** A screenshot of the whole page, however tall: the viewport is set to the page's height. */
  private Path wholePage(String name) throws Exception {
    long height =
        (Long)
            browser.executeScript(
                "return Math.max(document.body.scrollHeight,"
                    + " document.documentElement.scrollHeight,"
                    + " document.querySelector('.shell').scrollHeight + 48)");
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            1366,
            "height",
            Math.max(757, height),
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    try {
      return Browser.screenshot(browser, name);
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void R_SEE_1_home_tells_a_global_admin_the_runway_and_the_funds_at_risk() throws Exception {
    home(Role.GLOBAL_ADMIN, "home-global-admin");
    assertTrue(
        browser.findElement(By.id("home-recharge")).isDisplayed(), "auto-recharge for billing");
    assertTrue(browser.findElement(By.id("home-reconciliation")).isDisplayed());
    assertTrue(
        !browser
            .findElements(By.cssSelector("#home-credits a[href$='/billing/credits']"))
            .isEmpty(),
        "linked to where it is acted on");
    browser.get(base + "billing/credits");
    assertTrue(
        browser.findElement(By.id("runway")).getText().contains("lasts about"),
        "the Credits page says the runway");
    assertTrue(
        browser.findElement(By.cssSelector("span.at-risk")).getText().contains("may expire"));
    wholePage("credits-runway");
  }

  @Test
  void R_SEE_1_home_tells_a_reports_reader_what_the_role_may_see_without_money_links()
      throws Exception {
    home(Role.REPORTS_READER, "home-reports-reader");
    assertTrue(browser.findElements(By.id("home-recharge")).isEmpty(), "no auto-recharge card");
    assertTrue(browser.findElements(By.id("home-reconciliation")).isEmpty());
    assertTrue(
        browser.findElements(By.cssSelector("a[href*='/billing/']")).isEmpty(),
        "no link to a page that moves money");
  }

  @Test
  void R_SEC_1_a_reports_reader_sees_only_what_the_role_allows() throws Exception {
    signIn(org.email(Role.REPORTS_READER));
    List<String> nav =
        browser.findElements(By.cssSelector(".leftnav a")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("Home", "Reports"), nav);
    browser.get(base + "settings/api-keys");
    assertEquals(
        "You do not have access to this page", browser.findElement(By.tagName("h1")).getText());
    Browser.screenshot(browser, "forbidden");
  }

  @Test
  void R_ORG_2_a_user_admin_adds_a_user_and_finds_it_in_the_list() throws Exception {
    signIn(org.email(Role.USER_ADMIN));
    browser.get(base + "users");
    browser.findElement(By.cssSelector("details.inline-panel summary")).click();
    browser.findElement(By.id("displayName")).sendKeys("Megan Bowen");
    browser.findElement(By.id("upn")).sendKeys("megan@" + org.domain());
    browser.findElement(By.id("usageLocation")).sendKeys("GB");
    browser.findElement(By.cssSelector("form.panel-form button[type=submit]")).click();

    assertTrue(
        browser.findElement(By.cssSelector(".flash")).getText().contains("megan@" + org.domain()));
    assertTrue(browser.findElement(By.cssSelector("table.grid")).getText().contains("Megan Bowen"));
    Browser.screenshot(browser, "users");
  }

  @Test
  void R_FUND_9_a_billing_admin_adds_a_card_buys_credits_and_sees_the_balance_and_the_chart()
      throws Exception {
    TestOrg buyer = Fixtures.organisation("Credits", "USD");
    signIn(buyer.email(Role.BILLING_ADMIN));
    browser.get(base + "billing/payment-methods");
    assertTrue(
        browser.findElement(By.cssSelector(".badge.sandbox")).isDisplayed(),
        "the gateway is named a sandbox");
    browser.findElement(By.id("cardNumber")).sendKeys("4242 4242 4242 4242");
    new Select(browser.findElement(By.id("expiryMonth"))).selectByVisibleText("12");
    String year = String.valueOf(Year.now().getValue() + 2);
    new Select(browser.findElement(By.id("expiryYear"))).selectByVisibleText(year);
    browser.findElement(By.id("cvc")).sendKeys("123");
    browser.findElement(By.xpath("//button[normalize-space()='Add card']")).click();
    assertTrue(
        browser
            .findElement(By.cssSelector(".flash"))
            .getText()
            .contains("Visa ending 4242 (12/" + year + ")"));
    Browser.screenshot(browser, "payment-methods");

    browser.get(base + "billing/subscriptions");
    browser.findElement(By.linkText("Buy now")).click();
    assertEquals("Communications Credits", browser.findElement(By.tagName("h1")).getText());
    browser.findElement(By.id("amount")).sendKeys("250.00");
    assertEquals(
        "Visa ending 4242 (12/" + year + ")",
        new Select(browser.findElement(By.id("paymentMethodId")))
            .getFirstSelectedOption()
            .getText());
    Browser.screenshot(browser, "buy-credits");
    browser.findElement(By.xpath("//button[normalize-space()='Place order']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.getCurrentUrl().endsWith("/billing/credits"));
    assertTrue(
        browser.findElement(By.cssSelector(".flash")).getText().contains("250.00 USD was added"));
    assertEquals("250.00 USD", browser.findElement(By.id("balance")).getText());
    WebElement chart = browser.findElement(By.cssSelector("figure.chart svg"));
    assertTrue(
        chart.isDisplayed() && chart.getSize().getHeight() > 100,
        "the chart is drawn: " + chart.getSize());
    assertEquals(1, browser.findElements(By.cssSelector("figure.chart svg polyline")).size());
    assertEquals(
        "Products & services", browser.findElement(By.cssSelector(".leftnav a.active")).getText());
    assertTrue(
        browser.findElement(By.cssSelector("table.grid")).getText().contains("250.00"),
        "the lot is listed");
    // the whole page in one picture: the window as tall as the page
    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 120, 6000)));
    Path shot = Browser.screenshot(browser, "credits");
    assertTrue(Files.size(shot) > 10_000, "a real screenshot was written to " + shot);
  }
}
