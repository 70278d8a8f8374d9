package com.commcredits.it;

import com.commcredits.access.ApiKey;
import com.commcredits.access.PasswordHasher;
import com.commcredits.shared.Role;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Test organisations written straight into the test database, each with a unique name, an admin per
 * role and an API key per role, so every test class works on data no other class touches.
 */
public final class Fixtures {
  public static final String PASSWORD = "Test-pass-2026!";
  private static final String HASH = PasswordHasher.hash(PASSWORD.toCharArray());

  private Fixtures() {}

  /** An organisation's ids, sign-ins and plain API keys. */
  public record TestOrg(
      long id,
      String name,
      String domain,
      Map<Role, String> adminEmails,
      Map<Role, Long> adminIds,
      Map<Role, String> apiKeys,
      Map<Role, Long> apiKeyIds) {
    public String email(Role role) {
      return adminEmails.get(role);
    }

    public String key(Role role) {
      return apiKeys.get(role);
    }
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(TestConfig.jdbcUrl("commcredits"), "root", "");
  }

  public static TestOrg organisation(String prefix, String currency) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = prefix + " " + suffix;
    String domain = prefix.toLowerCase() + "-" + suffix + ".test";
    try (Connection c = connect()) {
      long orgId =
          insert(
              c,
              "INSERT INTO organisation (name, billing_country, currency, time_zone, created_at) "
                  + "VALUES (?, 'US', ?, 'America/Los_Angeles', ?)",
              name,
              currency,
              now());
      Map<Role, String> emails = new EnumMap<>(Role.class);
      Map<Role, Long> adminIds = new EnumMap<>(Role.class);
      Map<Role, String> keys = new EnumMap<>(Role.class);
      Map<Role, Long> keyIds = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        if (role.isAdminRole()) {
          String email = role.name().toLowerCase().replace('_', '.') + "@" + domain;
          long id =
              insert(
                  c,
                  "INSERT INTO admin_account (organisation_id, email, display_name, password_hash, "
                      + "created_at) VALUES (?, ?, ?, ?, ?)",
                  orgId,
                  email,
                  role.label() + " of " + prefix,
                  HASH,
                  now());
          insert(
              c,
              "INSERT INTO admin_account_role (admin_account_id, role) VALUES (?, ?)",
              id,
              role.name());
          emails.put(role, email);
          adminIds.put(role, id);
        }
        String plain = "test-" + UUID.randomUUID();
        long keyId =
            insert(
                c,
                "INSERT INTO api_key (organisation_id, name, key_prefix, key_hash, created_at, "
                    + "created_by) VALUES (?, ?, ?, ?, ?, 'fixture')",
                orgId,
                role.name() + " key",
                plain.substring(0, 8),
                ApiKey.hash(plain),
                now());
        insert(c, "INSERT INTO api_key_role (api_key_id, role) VALUES (?, ?)", keyId, role.name());
        keys.put(role, plain);
        keyIds.put(role, keyId);
      }
      return new TestOrg(orgId, name, domain, emails, adminIds, keys, keyIds);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Gives the organisation a sandbox Visa ending 4242 that approves, unless it already has an
   * active payment method, so that it can buy licences (R-SUB-1 bills them); returns the id of its
   * default method.
   */
  public static long card(TestOrg org) {
    long existing =
        count(
            "SELECT COALESCE(MAX(id), 0) FROM payment_method WHERE organisation_id = ? "
                + "AND removed_at IS NULL",
            org.id());
    if (existing > 0) {
      return existing;
    }
    String token = "tok_fixture_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = connect()) {
      insert(
          c,
          "INSERT INTO sandbox_card (token, brand, last4, exp_month, exp_year, behaviour, "
              + "created_at) VALUES (?, 'Visa', '4242', 12, 2099, 'APPROVE', ?)",
          token,
          now());
      return insert(
          c,
          "INSERT INTO payment_method (organisation_id, kind, card_brand, card_last4, "
              + "card_exp_month, card_exp_year, gateway_token, created_at) "
              + "VALUES (?, 'CARD', 'Visa', '4242', 12, 2099, ?, ?)",
          org.id(),
          token,
          now());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TestOrg operator;

  /**
   * The operator's organisation of this test run (it publishes the rates), made once: its Global
   * admin and Global admin key may operate tenants (R-FUND-12).
   */
  public static synchronized TestOrg operator() {
    if (operator == null) {
      TestOrg made = organisation("Operator", "USD");
      update("UPDATE organisation SET publishes_rates = TRUE WHERE id = ?", made.id());
      operator = made;
    }
    return operator;
  }

  /**
   * Registers an EA number for the organisation, as the operator does (R-PAY-1), so it can be added
   * as a payment method; the limit is per calendar month, in the organisation's currency.
   */
  public static void eaAgreement(TestOrg org, String eaNumber, String monthlyLimit) {
    try (Connection c = connect()) {
      insert(
          c,
          "INSERT IGNORE INTO ea_agreement (organisation_id, ea_number, customer, monthly_limit, currency, "
              + "registered_at, registered_by) VALUES (?, ?, ?, ?, (SELECT currency FROM "
              + "organisation WHERE id = ?), ?, 'fixture')",
          org.id(),
          eaNumber,
          org.name(),
          new BigDecimal(monthlyLimit),
          org.id(),
          now());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers an EA number for the organisation with a limit no test reaches. */
  public static void eaAgreement(TestOrg org, String eaNumber) {
    eaAgreement(org, eaNumber, "1000000000.00");
  }

  public static long addUser(TestOrg org, String upn, String name, String country) {
    try (Connection c = connect()) {
      return insert(
          c,
          "INSERT INTO directory_user (organisation_id, display_name, upn, usage_location, state, "
              + "created_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?)",
          org.id(),
          name,
          upn,
          country,
          now());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens Communications Credits for an organisation (subscription + empty wallet); returns the
   * wallet id.
   */
  public static long wallet(TestOrg org) {
    try (Connection c = connect()) {
      insert(
          c,
          "INSERT INTO subscription (organisation_id, sku, quantity, status, start_date, created_at) "
              + "VALUES (?, 'COMMUNICATIONS_CREDITS', 1, 'ACTIVE', CURRENT_DATE, ?)",
          org.id(),
          now());
      return insert(
          c,
          "INSERT INTO wallet (organisation_id, currency, balance, created_at) VALUES (?, "
              + "(SELECT currency FROM organisation WHERE id = ?), 0, ?)",
          org.id(),
          org.id(),
          now());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The organisation's currency code. */
  public static String currency(TestOrg org) {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT currency FROM organisation WHERE id = ?")) {
      ps.setLong(1, org.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static BigDecimal decimal(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one UPDATE (e.g. to age a lot for an expiry display); returns the rows changed. */
  public static int update(String sql, Object... args) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private static long insert(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, args);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  /**
   * A start for test calls that stays valid as the calendar moves (R-RATE-6: at most 400 days old,
   * not in the future): noon UTC on the 2nd of this month, which is in this month in every zone; an
   * hour ago on the 1st and 2nd.
   */
  public static Instant recentCallStart() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    return now.getDayOfMonth() <= 2
        ? now.minusHours(1).truncatedTo(ChronoUnit.SECONDS).toInstant()
        : now.withDayOfMonth(2).truncatedTo(ChronoUnit.DAYS).withHour(12).toInstant();
  }
}
