package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.it.Fixtures.TestOrg;
import com.commcredits.shared.Role;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users, licences and subscriptions through the pages (R-ORG-2, R-LIC-1, R-LIC-2, R-SUB-1,
 * R-REP-2).
 */
@ExtendWith(ArquillianExtension.class)
class UsersAndLicencesPagesIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return Deployments.application();
  }

  private long users(TestOrg org) {
    return Fixtures.count(
        "SELECT COUNT(*) FROM directory_user WHERE organisation_id = ?", org.id());
  }

  @Test
  void R_ORG_2_a_CSV_with_bad_rows_adds_nobody_and_reports_each_row() throws Exception {
    TestOrg org = Fixtures.organisation("Csv", "USD");
    Fixtures.card(org);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.USER_ADMIN));
    String d = org.domain();
    String bad =
        "DisplayName,UPN,UsageLocation\r\nAda,ada@"
            + d
            + ",US\r\nNo Country,nc@"
            + d
            + ",ZZ\r\n"
            + ",blank@"
            + d
            + ",GB\r\nTwice,ada@"
            + d
            + ",CA\r\nBad Upn,not-an-upn,US\r\n";
    HttpResponse<String> refused = web.upload("users/import", "file", "users.csv", bad);
    assertEquals(400, refused.statusCode());
    for (String row : new String[] {"row 3", "row 4", "row 5", "row 6"}) {
      assertTrue(refused.body().contains(row), "reports " + row);
    }
    assertEquals(0, users(org), "nothing was added");

    String good =
        "\uFEFFDisplayName,UPN,UsageLocation\r\n\"Vance, Adele\",adele@"
            + d
            + ",us\r\nLee Gu,lee@"
            + d
            + ",CA\r\n";
    HttpResponse<String> added = web.upload("users/import", "file", "users.csv", good);
    assertEquals(302, added.statusCode(), added.body());
    assertEquals(2, users(org));
    assertTrue(web.get("users").body().contains("Vance, Adele"));
    assertEquals(
        400,
        web.upload("users/import", "file", "x.csv", "Name,Email\r\nA,b\r\n").statusCode(),
        "bad header");
  }

  @Test
  void R_LIC_1_licences_are_toggled_on_a_user_and_over_assignment_is_refused_with_the_count()
      throws Exception {
    TestOrg org = Fixtures.organisation("Toggle", "USD");
    Fixtures.card(org);
    WebSession billing = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    assertEquals(
        302,
        billing
            .post(
                "billing/subscriptions",
                Map.of("action", "buy", "sku", "BUSINESS_VOICE", "quantity", "1"))
            .statusCode());
    Fixtures.addUser(org, "a@" + org.domain(), "A", "US");
    Fixtures.addUser(org, "b@" + org.domain(), "B", "US");
    HttpResponse<String> first =
        billing.post(
            "users/detail",
            Map.of(
                "upn",
                "a@" + org.domain(),
                "action",
                "licences",
                "offered",
                "BUSINESS_VOICE",
                "licence_BUSINESS_VOICE",
                "on"));
    assertEquals(302, first.statusCode());
    HttpResponse<String> second =
        billing.post(
            "users/detail",
            Map.of(
                "upn",
                "b@" + org.domain(),
                "action",
                "licences",
                "offered",
                "BUSINESS_VOICE",
                "licence_BUSINESS_VOICE",
                "on"));
    assertEquals(400, second.statusCode());
    assertTrue(second.body().contains("0 free"), "the message says how many are free");
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM licence_assignment WHERE organisation_id = ? AND removed_at "
                + "IS NULL",
            org.id()));
    assertTrue(
        billing.get("billing/products").body().contains(">1</td>"),
        "purchased, assigned and available shown");
    assertTrue(
        billing.get("reports/pools").body().contains("3,000"),
        "the US domestic pool follows the assignment");

    HttpResponse<String> delete =
        billing.post("users/detail", Map.of("upn", "a@" + org.domain(), "action", "delete"));
    assertEquals(400, delete.statusCode(), "a user with licences is not deleted");
    HttpResponse<String> belowAssigned =
        billing.post(
            "billing/subscriptions",
            Map.of(
                "action",
                "quantity",
                "id",
                String.valueOf(
                    Fixtures.count(
                        "SELECT id FROM subscription WHERE organisation_id = ?", org.id())),
                "quantity",
                "0"));
    assertEquals(400, belowAssigned.statusCode());
  }

  @Test
  void R_LIC_1_bulk_licences_for_selected_users_apply_all_or_nothing() throws Exception {
    TestOrg org = Fixtures.organisation("Bulk", "USD");
    Fixtures.card(org);
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.GLOBAL_ADMIN));
    web.post(
        "billing/subscriptions", Map.of("action", "buy", "sku", "PHONE_SYSTEM", "quantity", "2"));
    for (String u : new String[] {"x", "y", "z"}) {
      Fixtures.addUser(org, u + "@" + org.domain(), u.toUpperCase(), "GB");
    }
    web.get("users");
    HttpResponse<String> three =
        web.postRaw(
            "users/licences",
            Map.of(
                "_csrf",
                web.csrf(),
                "selected",
                "x@" + org.domain(),
                "sku_PHONE_SYSTEM",
                "assign"));
    assertEquals(302, three.statusCode());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM licence_assignment WHERE organisation_id = ? AND removed_at "
                + "IS NULL",
            org.id()));
    HttpResponse<String> page = web.get("users");
    assertTrue(page.body().contains("PHONE_SYSTEM"));
  }

  @Test
  void R_ORG_2_a_user_is_edited_blocked_and_unblocked_and_the_changes_are_audited()
      throws Exception {
    TestOrg org = Fixtures.organisation("Edit", "USD");
    Fixtures.card(org);
    Fixtures.addUser(org, "e@" + org.domain(), "Eve", "US");
    WebSession web = new WebSession(base.toURI()).signedIn(org.email(Role.USER_ADMIN));
    assertEquals(
        302,
        web.post(
                "users/detail",
                Map.of(
                    "upn",
                    "e@" + org.domain(),
                    "action",
                    "edit",
                    "displayName",
                    "Eve Adams",
                    "usageLocation",
                    "CA"))
            .statusCode());
    assertEquals(
        400,
        web.post(
                "users/detail",
                Map.of(
                    "upn",
                    "e@" + org.domain(),
                    "action",
                    "edit",
                    "displayName",
                    "Eve Adams",
                    "usageLocation",
                    "Canada"))
            .statusCode());
    assertEquals(
        302,
        web.post("users/detail", Map.of("upn", "e@" + org.domain(), "action", "block"))
            .statusCode());
    assertEquals(
        1,
        Fixtures.count(
            "SELECT COUNT(*) FROM directory_user WHERE upn = ? AND state = 'BLOCKED' AND "
                + "usage_location = 'CA' AND display_name = 'Eve Adams'",
            "e@" + org.domain()));
    assertEquals(
        302,
        web.post("users/detail", Map.of("upn", "e@" + org.domain(), "action", "delete"))
            .statusCode());
    assertEquals(0, users(org));
    assertEquals(
        3,
        Fixtures.count(
            "SELECT COUNT(*) FROM audit_entry WHERE organisation_id = ? AND action IN "
                + "('USER_CHANGED', 'USER_BLOCKED', 'USER_DELETED')",
            org.id()));
  }
}
