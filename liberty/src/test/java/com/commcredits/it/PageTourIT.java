package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every admin page, in a browser, for an organisation with users, licences, pools and a funded
 * wallet: none is an error page, and each leaves a screenshot in target/screenshots/tour-*.png to
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

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private TestOrg populatedOrganisation() throws Exception {
    TestOrg org = Fixtures.organisation("Tour", "USD");
    ApiClient api = new ApiClient(base.toURI());
    String key = org.key(Role.GLOBAL_ADMIN);
    api.post("subscriptions", key, "{\"sku\":\"BUSINESS_VOICE\",\"quantity\":5}");
    api.post("subscriptions", key, "{\"sku\":\"COMMUNICATIONS_CREDITS\",\"quantity\":1}");
    String[][] users = {{"Adele Vance", "US"}, {"Lee Gu", "CA"}, {"Nestor Wilke", "GB"}};
    for (String[] u : users) {
      String upn = u[0].toLowerCase().replace(' ', '.') + "@" + org.domain();
      api.post(
          "users",
          key,
          "{\"displayName\":\""
              + u[0]
              + "\",\"upn\":\""
              + upn
              + "\",\"usageLocation\":\""
              + u[1]
              + "\"}");
      api.put("users/" + upn + "/licences/BUSINESS_VOICE", key, "");
    }
    var ea =
        api.post(
            "payment-methods",
            key,
            "{\"type\":\"ENTERPRISE_AGREEMENT\",\"eaNumber\":\"24681357\"}");
    long eaId = ea.json().getJsonNumber("id").longValue();
    var request =
        java.net.http.HttpRequest.newBuilder(base.toURI().resolve("api/v1/wallet/fundings"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"amount\":{\"amount\":\"250.00\",\"currency\":"
                        + "\"USD\"},\"paymentMethodId\":"
                        + eaId
                        + ",\"purchaseOrder\":\"PO-42\"}"))
            .build();
    java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    return org;
  }

  @Test
  void R_SEC_2_every_page_renders_for_a_global_admin_without_an_error() throws Exception {
    TestOrg org = populatedOrganisation();
    ChromeDriver browser = Browser.start();
    try {
      Browser.signIn(browser, base.toString(), org.email(Role.GLOBAL_ADMIN), Fixtures.PASSWORD);
      for (String page : PAGES) {
        browser.get(base + page);
        String heading = browser.findElement(By.tagName("h1")).getText();
        Browser.screenshot(browser, "tour-" + (page.isEmpty() ? "home" : page.replace('/', '-')));
        assertFalse(
            List.of(
                    "Something went wrong",
                    "We could not find that page",
                    "You do not have access to this page")
                .contains(heading),
            page + " showed: " + heading);
        assertFalse(browser.getPageSource().contains("Exception"), page + " leaks an exception");
      }
      browser.get(base + "users/detail?upn=adele.vance@" + org.domain());
      assertEquals("Adele Vance", browser.findElement(By.tagName("h1")).getText());
      Browser.screenshot(browser, "tour-user-detail");
    } finally {
      browser.quit();
    }
  }
}
