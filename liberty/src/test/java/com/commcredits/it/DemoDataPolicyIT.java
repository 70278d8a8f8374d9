package com.commcredits.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.commcredits.devserver.DevServer;
import org.junit.jupiter.api.Test;

/**
 * The run command loads the demo's known passwords and keys only into the embedded database, unless
 * asked explicitly (money-safety issue, item 16). Plain JUnit: no server needed.
 */
class DemoDataPolicyIT {
  @Test
  void an_external_database_gets_no_demo_data_unless_asked() {
    assertFalse(DevServer.loadsDemoData(true, null));
    assertFalse(DevServer.loadsDemoData(true, " "));
    assertFalse(DevServer.loadsDemoData(true, "false"));
    assertTrue(DevServer.loadsDemoData(true, "true"), "asked for explicitly");
  }

  @Test
  void the_embedded_database_gets_it_unless_turned_off() {
    assertTrue(DevServer.loadsDemoData(false, null));
    assertFalse(DevServer.loadsDemoData(false, "false"));
  }
}
