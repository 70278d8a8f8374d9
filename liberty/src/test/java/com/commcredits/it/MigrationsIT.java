package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema comes from the migrations alone: an empty database reaches the current version, twice
 * safely.
 */
class MigrationsIT {
  private static String database;
  private static MigrateResult first;

  @BeforeAll
  static void migrateAnEmptyDatabase() throws Exception {
    database = "migrations_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(TestConfig.jdbcUrl(""), "root", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    first = flyway().migrate();
  }

  private static Flyway flyway() {
    return Flyway.configure()
        .dataSource(TestConfig.jdbcUrl(database), "root", "")
        .locations("classpath:db/migration")
        .load();
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(TestConfig.jdbcUrl(database), "root", "");
  }

  @Test
  void migrations_build_the_whole_schema_from_an_empty_database() throws Exception {
    assertTrue(first.success);
    assertTrue(first.migrationsExecuted >= 2, "all migrations ran: " + first.migrationsExecuted);
    Set<String> tables = new HashSet<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getTables(database, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    assertTrue(
        tables.containsAll(
            Set.of(
                "organisation",
                "admin_account",
                "admin_account_role",
                "api_key",
                "api_key_role",
                "audit_entry",
                "directory_user",
                "product",
                "product_inclusion",
                "product_allotment",
                "subscription")),
        tables.toString());
  }

  @Test
  void migrating_again_changes_nothing_and_validates() {
    assertEquals(0, flyway().migrate().migrationsExecuted);
    flyway().validate();
  }

  @Test
  void R_CAT_1_the_catalog_is_data_with_every_product_of_the_spec() throws Exception {
    Set<String> skus = new HashSet<>();
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT sku FROM product")) {
      while (rs.next()) {
        skus.add(rs.getString(1));
      }
    }
    assertEquals(
        Set.of(
            "BUSINESS_VOICE",
            "BUSINESS_VOICE_NO_CALLING_PLAN",
            "PHONE_SYSTEM",
            "DOMESTIC_CALLING_PLAN",
            "DOMESTIC_INTERNATIONAL_CALLING_PLAN",
            "INTERNATIONAL_CALLING_PLAN",
            "AUDIO_CONFERENCING",
            "COMMUNICATIONS_CREDITS",
            "TOLL_FREE_NUMBERS"),
        skus);
    assertEquals(
        3,
        minutes("SELECT COUNT(*) FROM product_inclusion WHERE sku = 'BUSINESS_VOICE'"),
        "Business Voice includes Phone System, a Domestic Calling Plan and Audio Conferencing");
  }

  @Test
  void R_CAT_2_allotments_per_licence_follow_the_country() throws Exception {
    assertEquals(3000, allotment("DOMESTIC_CALLING_PLAN", "US", "DOMESTIC"));
    assertEquals(3000, allotment("DOMESTIC_CALLING_PLAN", "CA", "DOMESTIC"));
    assertEquals(1200, allotment("DOMESTIC_CALLING_PLAN", "GB", "DOMESTIC"));
    assertEquals(1200, allotment("DOMESTIC_CALLING_PLAN", "DE", "DOMESTIC"));
    assertEquals(3000, allotment("BUSINESS_VOICE", "US", "DOMESTIC"));
    assertEquals(1200, allotment("BUSINESS_VOICE", "GB", "DOMESTIC"));
    assertEquals(
        600,
        minutes(
            "SELECT minutes FROM product_allotment WHERE sku = 'INTERNATIONAL_CALLING_PLAN' "
                + "AND pool_kind = 'INTERNATIONAL' AND country IS NULL"));
    assertEquals(
        60,
        minutes(
            "SELECT minutes FROM product_allotment WHERE sku = 'AUDIO_CONFERENCING' "
                + "AND pool_kind = 'CONFERENCING_DIAL_OUT' AND country IS NULL"));
  }

  private static long allotment(String sku, String country, String kind) throws Exception {
    return minutes(
        "SELECT minutes FROM product_allotment WHERE sku = '"
            + sku
            + "' AND country = '"
            + country
            + "' AND pool_kind = '"
            + kind
            + "'");
  }

  private static long minutes(String sql) throws Exception {
    try (Connection c = connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  @Test
  void R_FUND_6_the_database_refuses_to_update_or_delete_ledger_allocations_audit_and_EA_lines()
      throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // rows without their parents: only the triggers are under test here
      s.execute("SET FOREIGN_KEY_CHECKS = 0");
      s.execute(
          "INSERT INTO ea_billing_line (organisation_id, payment_method_id, ea_number, funding_id,"
              + " amount, currency, occurred_at) VALUES (1, 1, '12345678', 1, 10, 'USD', NOW(6))");
      for (String change :
          List.of("UPDATE ea_billing_line SET amount = 0", "DELETE FROM ea_billing_line")) {
        SQLException refused = assertThrows(SQLException.class, () -> s.execute(change));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT event_object_table, event_manipulation FROM information_schema.triggers"
                  + " WHERE trigger_schema = DATABASE()")) {
        Set<String> triggers = new HashSet<>();
        while (rs.next()) {
          triggers.add(rs.getString(1) + " " + rs.getString(2));
        }
        for (String table :
            List.of("ledger_entry", "lot_allocation", "audit_entry", "ea_billing_line")) {
          assertTrue(triggers.contains(table + " UPDATE"), table + " refuses UPDATE: " + triggers);
          assertTrue(triggers.contains(table + " DELETE"), table + " refuses DELETE: " + triggers);
        }
      }
      assertEquals(1, count(s, "SELECT COUNT(*) FROM ea_billing_line"));
    }
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
