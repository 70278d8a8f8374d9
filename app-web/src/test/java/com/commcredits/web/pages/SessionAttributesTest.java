package com.commcredits.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.commcredits.rating.CallKind;
import com.commcredits.rating.RateLine;
import com.commcredits.web.security.SignedInAdmin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions are written to the database (issue 14), so everything put into an HttpSession must
 * serialize: the signed-in admin, the CSRF token and the flash message (strings), and a rate card
 * waiting for confirmation.
 */
class SessionAttributesTest {

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }

  @Test
  void every_session_attribute_survives_serialization() throws Exception {
    SignedInAdmin admin = new SignedInAdmin(7, "a@b.example", "Contoso", "Europe/London");
    assertEquals(admin, roundTrip(admin));

    RateLine line =
        new RateLine(
            CallKind.values()[0],
            "44",
            "United Kingdom",
            new BigDecimal("0.0300"),
            BigDecimal.ZERO,
            60,
            60,
            LocalDate.of(2026, 1, 1),
            null);
    RatesServlet.Upload upload = new RatesServlet.Upload("USD", new ArrayList<>(List.of(line)));
    assertEquals(upload, roundTrip(upload));
  }
}
