package com.commcredits.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium, as a person would use the admin center. */
public final class Browser {
  private Browser() {}

  public static ChromeDriver start() {
    String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
    String chromedriver = System.getProperty("chromedriver", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
      // one clear line instead of Selenium's stack trace; ./test.sh installs both
      throw new AssertionError(
          "The browser tests need Chromium and its driver at "
              + chromium
              + " and "
              + chromedriver
              + ": run ./test.sh, or apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1366,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(chromedriver).toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }

  /** Signs in through the form and waits until the browser has left the sign-in page. */
  public static void signIn(ChromeDriver driver, String base, String email, String password) {
    driver.get(base + "sign-in");
    driver.findElement(By.id("email")).sendKeys(email);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.getCurrentUrl().contains("/sign-in"));
  }

  /**
   * Clicks what loads another page (a link, a form's button) and waits until the page it was on has
   * gone: an element read right after the click could otherwise be the old page's, stale a moment
   * later.
   */
  public static void clickThrough(ChromeDriver driver, By what) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(what).click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
  }

  /** Saves a PNG under target/screenshots and returns its path. */
  public static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
