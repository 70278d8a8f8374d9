package com.commcredits.persistence.gateway;

import com.commcredits.payment.CardRejectedException;
import com.commcredits.payment.CardToken;
import com.commcredits.payment.PaymentGateway;
import com.commcredits.payment.PaymentOutcome;
import com.commcredits.payment.PaymentResult;
import com.commcredits.persistence.UtcTimestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The sandbox gateway (R-PAY-2). Its test cards: 4242 4242 4242 4242 and 5555 5555 5555 4444 are
 * approved; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 is declined for insufficient
 * funds; 4000 0000 0000 0069 is an expired card; 4000 0000 0000 0119 times out: the payment is
 * taken but the answer is lost, and {@link #status} tells it later. Any other valid number is
 * approved. A key seen before returns the first payment: nothing is charged twice. Every call runs
 * in its own transaction, as an outside system would, so our rollback never undoes the gateway's
 * books.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SandboxPaymentGateway implements PaymentGateway {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How a test card behaves. */
  enum Behaviour {
    APPROVE,
    DECLINE,
    INSUFFICIENT_FUNDS,
    EXPIRED_CARD,
    TIMEOUT
  }

  static final Map<String, Behaviour> TEST_CARDS =
      Map.of(
          "4000000000000002", Behaviour.DECLINE,
          "4000000000009995", Behaviour.INSUFFICIENT_FUNDS,
          "4000000000000069", Behaviour.EXPIRED_CARD,
          "4000000000000119", Behaviour.TIMEOUT);

  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public String displayName() {
    return "Sandbox payment gateway (test cards only, no real money)";
  }

  @Override
  public boolean isSandbox() {
    return true;
  }

  @Override
  public CardToken tokenize(String cardNumber, int expiryMonth, int expiryYear, String cvc) {
    if (cardNumber == null || !cardNumber.matches("\\d{12,19}") || !luhn(cardNumber)) {
      throw new CardRejectedException("cardNumber", "The card number is not valid.");
    }
    String token = "tok_sandbox_" + HexFormat.of().formatHex(bytes(12));
    String brand = brand(cardNumber);
    String last4 = cardNumber.substring(cardNumber.length() - 4);
    Behaviour behaviour = TEST_CARDS.getOrDefault(cardNumber, Behaviour.APPROVE);
    em.createNativeQuery(
            "INSERT INTO sandbox_card (token, brand, last4, exp_month, exp_year, behaviour, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, token)
        .setParameter(2, brand)
        .setParameter(3, last4)
        .setParameter(4, expiryMonth)
        .setParameter(5, expiryYear)
        .setParameter(6, behaviour.name())
        .setParameter(7, now())
        .executeUpdate();
    return new CardToken(token, brand, last4, expiryMonth, expiryYear);
  }

  @Override
  public PaymentResult charge(
      String idempotencyKey, String token, BigDecimal amount, String currency, String description) {
    PaymentResult earlier = recorded(idempotencyKey);
    if (earlier != null) {
      return earlier;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> cards =
        em.createNativeQuery(
                "SELECT behaviour, exp_month, exp_year FROM sandbox_card WHERE token = ?")
            .setParameter(1, token)
            .getResultList();
    String reference = "sbx_" + HexFormat.of().formatHex(bytes(8));
    PaymentResult result;
    boolean timeout = false;
    if (cards.isEmpty()) {
      result =
          new PaymentResult(
              PaymentOutcome.DECLINED, reference, "The card is unknown to the gateway.");
    } else {
      Object[] card = cards.get(0);
      Behaviour behaviour = Behaviour.valueOf((String) card[0]);
      YearMonth expiry = YearMonth.of(((Number) card[2]).intValue(), ((Number) card[1]).intValue());
      if (behaviour == Behaviour.EXPIRED_CARD
          || expiry.isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
        result = new PaymentResult(PaymentOutcome.EXPIRED_CARD, reference, "The card has expired.");
      } else if (behaviour == Behaviour.DECLINE) {
        result =
            new PaymentResult(
                PaymentOutcome.DECLINED, reference, "The card was declined by the issuer.");
      } else if (behaviour == Behaviour.INSUFFICIENT_FUNDS) {
        result =
            new PaymentResult(
                PaymentOutcome.DECLINED, reference, "The card has insufficient funds.");
      } else {
        result = new PaymentResult(PaymentOutcome.APPROVED, reference, "Approved");
        timeout = behaviour == Behaviour.TIMEOUT;
      }
    }
    em.createNativeQuery(
            "INSERT INTO sandbox_payment (idempotency_key, token, amount, currency, outcome, reference, "
                + "message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, idempotencyKey)
        .setParameter(2, token)
        .setParameter(3, amount)
        .setParameter(4, currency)
        .setParameter(5, result.outcome().name())
        .setParameter(6, result.reference())
        .setParameter(7, result.message())
        .setParameter(8, now())
        .executeUpdate();
    if (timeout) {
      // the payment was taken, but the answer never reaches the caller
      return new PaymentResult(
          PaymentOutcome.UNKNOWN, null, "The payment gateway did not answer in time.");
    }
    return result;
  }

  @Override
  public PaymentResult status(String idempotencyKey) {
    PaymentResult earlier = recorded(idempotencyKey);
    return earlier != null
        ? earlier
        : new PaymentResult(
            PaymentOutcome.NOT_FOUND, null, "The gateway has no payment under this key.");
  }

  private PaymentResult recorded(String idempotencyKey) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT outcome, reference, message FROM sandbox_payment WHERE idempotency_key = ?")
            .setParameter(1, idempotencyKey)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] row = rows.get(0);
    return new PaymentResult(
        PaymentOutcome.valueOf((String) row[0]), (String) row[1], (String) row[2]);
  }

  private Timestamp now() {
    return UtcTimestamps.of(clock.instant());
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  static String brand(String number) {
    if (number.startsWith("4")) {
      return "Visa";
    }
    if (number.startsWith("34") || number.startsWith("37")) {
      return "American Express";
    }
    int two = Integer.parseInt(number.substring(0, 2));
    int four = Integer.parseInt(number.substring(0, 4));
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return "Mastercard";
    }
    return "Card";
  }

  static boolean luhn(String number) {
    int sum = 0;
    boolean doubleIt = false;
    for (int i = number.length() - 1; i >= 0; i--) {
      int d = number.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
