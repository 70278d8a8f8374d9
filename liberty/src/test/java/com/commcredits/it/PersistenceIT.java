package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditEntry;
import com.commcredits.audit.AuditRepository;
import com.commcredits.money.SupportedCurrency;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: JPA against the real MariaDB 11.4 through Connector/J keeps what it is given.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

  @Deployment
  static WebArchive application() {
    return Deployments.application();
  }

  @Inject OrganisationRepository organisations;
  @Inject AuditRepository audit;

  @Resource(lookup = "java:comp/UserTransaction")
  UserTransaction tx;

  @Resource(lookup = "jdbc/commcredits")
  DataSource dataSource;

  @Test
  void a_DATETIME_6_keeps_its_microseconds_through_JPA_and_the_driver() throws Exception {
    Instant precise = Instant.parse("2026-03-04T05:06:07.123456Z");
    tx.begin();
    Organisation org =
        organisations.add(
            new Organisation(
                "Micro " + UUID.randomUUID(),
                "US",
                SupportedCurrency.USD,
                ZoneId.of("UTC"),
                precise));
    audit.append(
        new AuditEntry(
            Caller.system(org.id()),
            precise,
            AuditAction.SIGN_IN,
            "test",
            "1",
            "precision",
            null,
            null));
    tx.commit();

    AuditEntry read = audit.list(org.id(), null, 0, 1).items().get(0);
    assertEquals(
        precise, read.occurredAt(), "JPA reads back the same instant, microseconds included");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f') FROM audit_entry WHERE organisation_id = ?")) {
      ps.setLong(1, org.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(
            "2026-03-04 05:06:07.123456",
            rs.getString(1),
            "stored as UTC with six fractional digits");
      }
    }
  }

  @Test
  void the_datasource_talks_to_MariaDB_11_4_through_Connector_J() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      var meta = c.getMetaData();
      assertTrue(meta.getDriverName().startsWith("MySQL Connector/J"), meta.getDriverName());
      assertTrue(
          meta.getDatabaseProductVersion().contains("11.4"), meta.getDatabaseProductVersion());
    }
  }
}
