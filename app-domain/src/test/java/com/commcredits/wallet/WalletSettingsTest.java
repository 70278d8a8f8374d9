package com.commcredits.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WalletSettingsTest {
  private static final String UNSET = "COMMCREDITS_TEST_VARIABLE_THAT_IS_NEVER_SET";

  @Test
  void R_FUND_11_funding_limits_are_read_as_strictly_as_amounts() {
    assertEquals(new BigDecimal("10.00"), WalletSettings.read(UNSET, "10.00"));
    assertThrows(IllegalStateException.class, () -> WalletSettings.read(UNSET, "1E+5"));
    assertThrows(IllegalStateException.class, () -> WalletSettings.read(UNSET, "-10"));
  }
}
