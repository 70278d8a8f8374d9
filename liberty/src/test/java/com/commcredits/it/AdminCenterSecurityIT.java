package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles, CSRF, headers, escaping, error pages and organisation scoping of the pages (R-SEC-1,
 * R-SEC-2, R-ORG-1).
 */
@ExtendWith(ArquillianExtension.class)
class AdminCenterSecurityIT {
  private static final Map<String, List<Role>> PAGES =
      Map.of(
          "messages", List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
          "", List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.REPORTS_READER),
          "users", List.of(Role.GLOBAL_ADMIN, Role.USER_ADMIN),
          "billing/products", List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
          "billing/subscriptions", List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
          "billing/payment-methods", List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN),
          "reports", List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.REPORTS_READER),
          "settings/api-keys", List.of(Role.GLOBAL_ADMIN),
          "settings/audit", List.of(Role.GLOBAL_ADMIN),
          "settings/admins", List.of(Role.GLOBAL_ADMIN));
  private static TestOrg org;
  private static TestOrg other;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeAll
  static void organisations() {
    org = Fixtures.organisation("Secure", "USD");
    other = Fixtures.organisation("Foreign", "GBP");
    Fixtures.addUser(other, "secret.user@" + other.domain(), "Foreign Secret", "GB");
  }

  private WebSession as(Role role) throws Exception {
    return new WebSession(base.toURI()).signedIn(org.email(role));
  }

  @Test
  void R_SEC_1_each_role_sees_only_its_navigation_and_gets_403_elsewhere() throws Exception {
    for (Role role :
        List.of(Role.GLOBAL_ADMIN, Role.BILLING_ADMIN, Role.USER_ADMIN, Role.REPORTS_READER)) {
      WebSession web = as(role);
      String home = web.get("").body();
      PAGES.forEach(
          (page, allowed) -> {
            HttpResponse<String> response = web.get(page);
            if (allowed.contains(role)) {
              assertEquals(200, response.statusCode(), role + " on /" + page);
            } else {
              assertEquals(403, response.statusCode(), role + " on /" + page);
              assertTrue(response.body().contains("You do not have access to this page"));
              assertFalse(response.body().contains("Exception"));
            }
            if (!page.isEmpty()) {
              assertEquals(
                  allowed.contains(role),
                  home.contains("href=\"/commcredits-test/" + page + "\""),
                  role + " navigation link to /" + page);
            }
          });
    }
  }

  @Test
  void R_SEC_2_a_post_without_or_with_a_wrong_CSRF_token_is_refused_and_changes_nothing()
      throws Exception {
    WebSession web = as(Role.GLOBAL_ADMIN);
    long keys = Fixtures.count("SELECT COUNT(*) FROM api_key WHERE organisation_id = ?", org.id());
    HttpResponse<String> none =
        web.postRaw("settings/api-keys", Map.of("name", "sneaky", "roles", "PLATFORM"));
    HttpResponse<String> wrong =
        web.postRaw(
            "settings/api-keys",
            Map.of("name", "sneaky", "roles", "PLATFORM", "_csrf", "not-the-token"));
    assertEquals(403, none.statusCode());
    assertEquals(403, wrong.statusCode());
    assertTrue(none.body().contains("This form has expired"));
    assertEquals(
        keys, Fixtures.count("SELECT COUNT(*) FROM api_key WHERE organisation_id = ?", org.id()));
    assertEquals(403, web.postRaw("sign-out", Map.of()).statusCode());
    assertEquals(
        200, web.get("").statusCode(), "still signed in: sign-out without a token did nothing");
  }

  @Test
  void R_SEC_2_pages_carry_the_security_headers() throws Exception {
    for (HttpResponse<String> response :
        List.of(as(Role.GLOBAL_ADMIN).get(""), new WebSession(base.toURI()).get("sign-in"))) {
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""));
      assertTrue(response.headers().firstValue("Referrer-Policy").isPresent());
      assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }
  }

  @Test
  void R_SEC_2_user_text_is_escaped_and_bad_input_is_answered_beside_the_field() throws Exception {
    WebSession web = as(Role.USER_ADMIN);
    HttpResponse<String> added =
        web.post(
            "users",
            Map.of(
                "displayName",
                "<script>alert(1)</script>",
                "upn",
                "xss@" + org.domain(),
                "usageLocation",
                "US"));
    assertEquals(302, added.statusCode());
    String list = web.get("users").body();
    assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(list.contains("<script>alert(1)</script>"));

    long users =
        Fixtures.count("SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id());
    HttpResponse<String> bad =
        web.post("users", Map.of("displayName", "Bad", "upn", "bad", "usageLocation", "XX"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("id=\"upn-error\""), "the UPN message sits beside its field");
    assertTrue(bad.body().contains("id=\"usageLocation-error\""));
    assertEquals(
        users,
        Fixtures.count("SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id()));
  }

  @Test
  void R_SEC_2_an_unknown_page_is_a_friendly_404_without_internals() throws Exception {
    HttpResponse<String> missing = as(Role.GLOBAL_ADMIN).get("no/such/page");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("We could not find that page"));
    assertFalse(missing.body().contains("Exception"));
    assertFalse(missing.body().contains("at com."));
  }

  @Test
  void R_ORG_1_another_organisations_ids_answer_404_on_pages_and_change_nothing() throws Exception {
    WebSession web = as(Role.GLOBAL_ADMIN);
    HttpResponse<String> revoke =
        web.post(
            "settings/api-keys",
            Map.of(
                "action",
                "revoke",
                "id",
                String.valueOf(other.apiKeyIds().get(Role.GLOBAL_ADMIN))));
    assertEquals(404, revoke.statusCode());
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM api_key WHERE organisation_id = ? AND revoked_at IS NOT NULL",
            other.id()));
    HttpResponse<String> change =
        web.post(
            "settings/admins",
            Map.of(
                "action",
                "change",
                "id",
                String.valueOf(other.adminIds().get(Role.REPORTS_READER)),
                "roles",
                "GLOBAL_ADMIN",
                "enabled",
                "on"));
    assertEquals(404, change.statusCode());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM admin_account_role WHERE admin_account_id = ?",
            other.adminIds().get(Role.REPORTS_READER)));
    assertEquals(404, web.get("users/detail?upn=secret.user@" + other.domain()).statusCode());
    assertFalse(web.get("users?q=secret").body().contains("Foreign Secret"));
    assertFalse(web.get("settings/audit").body().contains(other.domain()));
  }

  @Test
  void R_SEC_3_the_audit_log_and_its_export_show_who_did_what_with_before_and_after()
      throws Exception {
    WebSession web = as(Role.GLOBAL_ADMIN);
    web.post(
        "settings/admins",
        Map.of(
            "action",
            "change",
            "id",
            String.valueOf(org.adminIds().get(Role.USER_ADMIN)),
            "roles",
            "USER_ADMIN",
            "enabled",
            "on"));
    String page = web.get("settings/audit?action=ADMIN_CHANGED").body();
    assertTrue(page.contains("Admin changed"));
    HttpResponse<String> csv = web.get("settings/audit?export=csv");
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertTrue(lines[0].startsWith("When,Who,Action"), lines[0]);
    assertTrue(lines.length > 1);
    assertTrue(csv.body().contains("roles=[USER_ADMIN]"), "before/after are exported");
  }
}
