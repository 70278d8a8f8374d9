package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.access.ApiKey;
import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Settings > API keys and Admins through the pages (R-SEC-1, R-SEC-3). */
@ExtendWith(ArquillianExtension.class)
class SettingsIT {
  private static final Pattern CREATED = Pattern.compile("id=\"created-key\">([^<]+)<");
  private static TestOrg org;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  @BeforeAll
  static void organisation() {
    org = Fixtures.organisation("Settings", "USD");
  }

  @Test
  void R_SEC_1_an_api_key_is_shown_once_stored_hashed_works_and_stops_when_revoked()
      throws Exception {
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    HttpResponse<String> created =
        web.post("settings/api-keys", Map.of("name", "Telephony", "roles", "PLATFORM"));
    assertEquals(200, created.statusCode());
    Matcher m = CREATED.matcher(created.body());
    assertTrue(m.find(), "the new key is shown");
    String key = m.group(1);
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM api_key WHERE key_hash = ? AND organisation_id = ?",
            ApiKey.hash(key),
            org.id()));
    assertEquals(
        0,
        Fixtures.count(
            "SELECT COUNT(*) FROM api_key WHERE CONCAT_WS('|', name, key_prefix, key_hash) LIKE ?",
            "%" + key + "%"),
        "the key itself is stored nowhere");
    assertFalse(web.get("settings/api-keys").body().contains(key), "shown once only");
    ApiClient api = new ApiClient(base.toURI());
    assertEquals(200, api.get("organisation", key).status());

    long id = Fixtures.count("SELECT id FROM api_key WHERE key_hash = ?", ApiKey.hash(key));
    assertEquals(
        302,
        web.post("settings/api-keys", Map.of("action", "revoke", "id", String.valueOf(id)))
            .statusCode());
    assertEquals(401, api.get("organisation", key).status());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'API_KEY_REVOKED' AND before_state IS NOT NULL AND after_state LIKE '%revoked=%'",
            org.id()));
  }

  @Test
  void R_SEC_1_a_new_admin_is_stored_with_a_PBKDF2_hash_and_can_sign_in() throws Exception {
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    String email = "new.admin@" + org.domain();
    HttpResponse<String> weak =
        web.post(
            "settings/admins",
            Map.of(
                "action",
                "create",
                "email",
                email,
                "displayName",
                "New Admin",
                "password",
                "short",
                "roles",
                "BILLING_ADMIN"));
    assertEquals(400, weak.statusCode());
    assertTrue(weak.body().contains("id=\"password-error\""));
    HttpResponse<String> added =
        web.post(
            "settings/admins",
            Map.of(
                "action",
                "create",
                "email",
                email,
                "displayName",
                "New Admin",
                "password",
                "A-good-password-1",
                "roles",
                "BILLING_ADMIN"));
    assertEquals(302, added.statusCode());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM admin_account WHERE email = ? AND password_hash LIKE "
                + "'pbkdf2-sha512$%' AND password_hash NOT LIKE '%A-good-password-1%'",
            email));
    assertEquals(302, new WebSession(base.toURI()).signIn(email, "A-good-password-1").statusCode());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action = "
                + "'ADMIN_CREATED' AND after_state LIKE ?",
            org.id(),
            "%" + email + "%"));
  }

  @Test
  void R_SEC_1_a_global_admin_cannot_take_away_their_own_global_admin_role() throws Exception {
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    HttpResponse<String> refused =
        web.post(
            "settings/admins",
            Map.of(
                "action",
                "change",
                "id",
                String.valueOf(org.adminIds().get(Role.GLOBAL_ADMIN)),
                "roles",
                "REPORTS_READER",
                "enabled",
                "on"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("You cannot remove your own Global admin role"));
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM admin_account_role WHERE admin_account_id = ? AND role = "
                + "'GLOBAL_ADMIN'",
            org.adminIds().get(Role.GLOBAL_ADMIN)));
  }
}
