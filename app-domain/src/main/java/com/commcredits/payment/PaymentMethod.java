package com.commcredits.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an organisation pays (R-PAY-1): a card (brand, last four digits, expiry and the gateway's
 * token, never the number) or an Enterprise Agreement number. Removing one keeps the row, since
 * fundings refer to it.
 */
@Entity
@Table(name = "payment_method")
public class PaymentMethod {
  /** An Enterprise Agreement enrollment number: eight digits. */
  public static final Pattern EA_NUMBER = Pattern.compile("^\\d{8}$");

  /** A purchase order number: letters, digits, dash, slash, dot; 1 to 30. */
  public static final Pattern PURCHASE_ORDER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9./-]{0,29}$");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private PaymentMethodKind kind;

  @Column(name = "card_brand", updatable = false)
  private String cardBrand;

  @Column(name = "card_last4", updatable = false)
  private String cardLast4;

  @Column(name = "card_exp_month", updatable = false)
  private Integer cardExpMonth;

  @Column(name = "card_exp_year", updatable = false)
  private Integer cardExpYear;

  @Column(name = "gateway_token", updatable = false)
  private String gatewayToken;

  @Column(name = "ea_number", updatable = false)
  private String eaNumber;

  @Column(name = "label")
  private String label;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  protected PaymentMethod() {
    // for JPA
  }

  public static PaymentMethod card(long organisationId, CardToken token, Instant at) {
    PaymentMethod m = new PaymentMethod();
    m.organisationId = organisationId;
    m.kind = PaymentMethodKind.CARD;
    m.cardBrand = token.brand();
    m.cardLast4 = token.last4();
    m.cardExpMonth = token.expiryMonth();
    m.cardExpYear = token.expiryYear();
    m.gatewayToken = token.token();
    m.createdAt = Objects.requireNonNull(at);
    return m;
  }

  public static PaymentMethod enterpriseAgreement(
      long organisationId, String eaNumber, String label, Instant at) {
    if (!EA_NUMBER.matcher(eaNumber).matches()) {
      throw new IllegalArgumentException("An EA number is eight digits");
    }
    PaymentMethod m = new PaymentMethod();
    m.organisationId = organisationId;
    m.kind = PaymentMethodKind.ENTERPRISE_AGREEMENT;
    m.eaNumber = eaNumber;
    m.label = label == null || label.isBlank() ? null : label.strip();
    m.createdAt = Objects.requireNonNull(at);
    return m;
  }

  public void remove(Instant at) {
    if (removedAt == null) {
      removedAt = at;
    }
  }

  public boolean isActive() {
    return removedAt == null;
  }

  public boolean isCard() {
    return kind == PaymentMethodKind.CARD;
  }

  public boolean isEnterpriseAgreement() {
    return kind == PaymentMethodKind.ENTERPRISE_AGREEMENT;
  }

  /** True when the card's expiry month has passed at the given month. */
  public boolean isExpiredAt(YearMonth month) {
    return isCard() && YearMonth.of(cardExpYear, cardExpMonth).isBefore(month);
  }

  /** "Visa ending 4242 (12/2028)" or "EA 12345678 (label)". */
  public String describe() {
    if (isCard()) {
      return cardBrand
          + " ending "
          + cardLast4
          + String.format(" (%02d/%d)", cardExpMonth, cardExpYear);
    }
    return "EA " + eaNumber + (label == null ? "" : " (" + label + ")");
  }

  public Long id() {
    return id;
  }

  public long organisationId() {
    return organisationId;
  }

  public PaymentMethodKind kind() {
    return kind;
  }

  public String cardBrand() {
    return cardBrand;
  }

  public String cardLast4() {
    return cardLast4;
  }

  public Integer cardExpMonth() {
    return cardExpMonth;
  }

  public Integer cardExpYear() {
    return cardExpYear;
  }

  public String gatewayToken() {
    return gatewayToken;
  }

  public String eaNumber() {
    return eaNumber;
  }

  public String label() {
    return label;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant removedAt() {
    return removedAt;
  }
}
