package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Form sign-in, sign-out and lockout through the real server (R-SEC-1, R-SEC-3). */
@ExtendWith(ArquillianExtension.class)
class SignInIT {
  private static TestOrg org;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeAll
  static void organisation() {
    org = Fixtures.organisation("SignIn", "USD");
  }

  private static final String REFUSAL = "That email and password did not sign you in.";

  private WebSession session() throws Exception {
    return new WebSession(base.toURI());
  }

  @Test
  void R_SEC_1_a_page_without_a_session_sends_the_browser_to_sign_in() throws Exception {
    HttpResponse<String> response = session().get("settings/admins");
    assertEquals(302, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .contains("sign-in?next=%2Fsettings%2Fadmins"));
  }

  @Test
  void R_SEC_1_the_right_password_signs_in_and_lands_on_home() throws Exception {
    WebSession web = session();
    HttpResponse<String> signIn = web.signIn(org.email(Role.GLOBAL_ADMIN), Fixtures.PASSWORD);
    assertEquals(302, signIn.statusCode());
    HttpResponse<String> home = web.get("");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains(org.name()), "Home names the organisation");
    assertTrue(
        Fixtures.count(
                "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = 'SIGN_IN'",
                org.id())
            >= 1,
        "sign-in is audited");
  }

  @Test
  void R_SEC_1_the_next_page_is_kept_across_sign_in_but_never_leaves_the_site() throws Exception {
    WebSession web = session();
    web.get("sign-in");
    HttpResponse<String> local =
        web.post(
            "sign-in",
            Map.of(
                "email",
                org.email(Role.BILLING_ADMIN),
                "password",
                Fixtures.PASSWORD,
                "next",
                "/billing/products"));
    assertTrue(local.headers().firstValue("Location").orElseThrow().endsWith("/billing/products"));
    WebSession other = session();
    other.get("sign-in");
    HttpResponse<String> offsite =
        other.post(
            "sign-in",
            Map.of(
                "email",
                org.email(Role.BILLING_ADMIN),
                "password",
                Fixtures.PASSWORD,
                "next",
                "//evil.example/"));
    assertTrue(
        offsite.headers().firstValue("Location").orElseThrow().endsWith("/commcredits-test/"));
  }

  @Test
  void R_SEC_1_a_wrong_password_and_an_unknown_email_get_the_same_refusal() throws Exception {
    HttpResponse<String> wrong =
        session().signIn(org.email(Role.REPORTS_READER), "not-the-password");
    HttpResponse<String> unknown = session().signIn("nobody@" + org.domain(), "not-the-password");
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertTrue(wrong.body().contains(REFUSAL));
    assertTrue(unknown.body().contains(REFUSAL));
    assertTrue(
        Fixtures.count(
                "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = 'SIGN_IN_FAILED'",
                org.id())
            >= 1,
        "a failed sign-in is audited");
  }

  @Test
  void R_SEC_1_five_failed_sign_ins_lock_the_account_even_against_the_right_password()
      throws Exception {
    String email = org.email(Role.USER_ADMIN);
    HttpResponse<String> last = null;
    for (int i = 1; i <= 5; i++) {
      last = session().signIn(email, "wrong-" + i);
      if (i < 5) {
        assertTrue(last.body().contains(REFUSAL), "attempt " + i + " is a plain refusal");
      }
    }
    assertTrue(last.body().contains(REFUSAL), "the fifth failure locks, with the same answer");
    HttpResponse<String> right = session().signIn(email, Fixtures.PASSWORD);
    assertEquals(401, right.statusCode());
    HttpResponse<String> unknown = session().signIn("nobody@" + org.domain(), "whatever-1");
    assertEquals(
        unknown.body().replaceAll("value=\"[^\"]*\"", ""),
        right.body().replaceAll("value=\"[^\"]*\"", ""),
        "a locked account answers exactly like an unknown one: nothing tells them apart");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'ACCOUNT_LOCKED'",
            org.id()));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM admin_account WHERE email = ? AND locked_until > "
                + "UTC_TIMESTAMP(6) + INTERVAL 14 MINUTE AND locked_until <= UTC_TIMESTAMP(6) + INTERVAL 15 MINUTE",
            email));
  }

  @Test
  void R_SEC_1_signing_out_ends_the_session() throws Exception {
    WebSession web = session().signedIn(org.email(Role.GLOBAL_ADMIN));
    HttpResponse<String> out = web.post("sign-out", Map.of());
    assertEquals(302, out.statusCode());
    assertEquals(302, web.get("").statusCode(), "after sign-out Home asks to sign in again");
  }

  @Test
  void R_SEC_1_the_session_cookie_is_http_only() throws Exception {
    HttpResponse<String> page = session().get("sign-in");
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("CCSESSION="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
  }

  @Test
  void R_SEC_1_an_address_that_fails_too_often_is_refused_whichever_account_it_tries()
      throws Exception {
    // each sign-in from its own client address through the trusted local proxy header
    String address = "203.0.113." + (1 + (int) (Math.random() * 250));
    for (int i = 1; i <= 20; i++) {
      String email = "spray-" + i + "@" + org.domain();
      assertEquals(401, session().from(address).signIn(email, "Spring-2026!").statusCode());
    }
    HttpResponse<String> throttled =
        session().from(address).signIn(org.email(Role.BILLING_ADMIN), Fixtures.PASSWORD);
    assertEquals(401, throttled.statusCode(), "even the right password, from that address");
    assertTrue(throttled.body().contains(REFUSAL), "with the same answer as any refusal");
    assertEquals(
        302,
        session()
            .from("198.51.100.9")
            .signIn(org.email(Role.BILLING_ADMIN), Fixtures.PASSWORD)
            .statusCode(),
        "another address signs the same account in: the account itself was never locked");
  }

  @Test
  void R_SEC_2_a_post_that_dresses_as_the_API_still_needs_the_CSRF_token() throws Exception {
    WebSession web = session().signedIn(org.email(Role.GLOBAL_ADMIN));
    for (String path : List.of("api/../sign-out", "api/%2e%2e/sign-out", "api;x/../sign-out")) {
      HttpResponse<String> forged = web.postRaw(path, Map.of());
      assertTrue(
          forged.statusCode() == 403 || forged.statusCode() == 404 || forged.statusCode() == 400,
          path + " answered " + forged.statusCode());
    }
    assertEquals(200, web.get("").statusCode(), "the session was not signed out by a forged post");
  }
}
