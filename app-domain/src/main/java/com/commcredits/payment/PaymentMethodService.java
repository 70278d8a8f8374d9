package com.commcredits.payment;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Billing > Payment methods (R-PAY-1): cards go to the gateway for a token (the number is never
 * stored or logged); an EA number is accepted only when the operator registered it for the
 * organisation ({@link EaAgreements}). Every change is audited.
 */
@Stateless
public class PaymentMethodService {
  @Inject PaymentMethodRepository methods;
  @Inject PaymentGateway gateway;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<PaymentMethod> list(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    return methods.listActive(caller.organisationId());
  }

  public PaymentMethod get(Caller caller, long id) {
    caller.require(Permission.MANAGE_BILLING);
    return methods
        .find(caller.organisationId(), id)
        .filter(PaymentMethod::isActive)
        .orElseThrow(() -> new NotFoundException("The payment method"));
  }

  public String gatewayName() {
    return gateway.displayName();
  }

  public boolean gatewayIsSandbox() {
    return gateway.isSandbox();
  }

  public PaymentMethod addCard(Caller caller, NewCard card) {
    caller.require(Permission.MANAGE_BILLING);
    String digits = card.number() == null ? "" : card.number().replaceAll("[\\s-]", "");
    YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    Validator v =
        new Validator()
            .check(
                digits.matches("\\d{12,19}"),
                "cardNumber",
                "Enter the card number: 12 to 19 digits.")
            .check(
                card.expiryMonth() != null && card.expiryMonth() >= 1 && card.expiryMonth() <= 12,
                "expiryMonth",
                "Choose the expiry month.")
            .check(
                card.expiryYear() != null
                    && card.expiryYear() >= now.getYear()
                    && card.expiryYear() <= now.getYear() + 20,
                "expiryYear",
                "Enter the expiry year, e.g. " + (now.getYear() + 2) + ".")
            .check(
                card.cvc() != null && card.cvc().strip().matches("\\d{3,4}"),
                "cvc",
                "Enter the 3 or 4 digit security code.");
    v.throwIfInvalid();
    if (YearMonth.of(card.expiryYear(), card.expiryMonth()).isBefore(now)) {
      new Validator().check(false, "expiryMonth", "This card has expired.").throwIfInvalid();
    }
    CardToken token =
        gateway.tokenize(digits, card.expiryMonth(), card.expiryYear(), card.cvc().strip());
    PaymentMethod method =
        methods.add(PaymentMethod.card(caller.organisationId(), token, clock.instant()));
    audit.record(
        caller,
        AuditAction.PAYMENT_METHOD_ADDED,
        "payment-method",
        method.id(),
        "Added card " + method.describe(),
        null,
        method.describe());
    return method;
  }

  public PaymentMethod addEnterpriseAgreement(Caller caller, String eaNumber, String label) {
    caller.require(Permission.MANAGE_BILLING);
    String number = eaNumber == null ? "" : eaNumber.strip();
    new Validator()
        .check(
            PaymentMethod.EA_NUMBER.matcher(number).matches(),
            "eaNumber",
            "An Enterprise Agreement number is 8 digits, e.g. 54321987.")
        .check(
            label == null || label.strip().length() <= 100,
            "label",
            "The label must be at most 100 characters.")
        .throwIfInvalid();
    boolean duplicate =
        methods.listActive(caller.organisationId()).stream()
            .anyMatch(m -> m.isEnterpriseAgreement() && m.eaNumber().equals(number));
    new Validator()
        .check(!duplicate, "eaNumber", "This EA number is already one of your payment methods.")
        .check(
            methods.agreement(caller.organisationId(), number).isPresent(),
            "eaNumber",
            "EA "
                + number
                + " is not registered for your organisation; the operator registers EA numbers.")
        .throwIfInvalid();
    PaymentMethod method =
        methods.add(
            PaymentMethod.enterpriseAgreement(
                caller.organisationId(), number, label, clock.instant()));
    audit.record(
        caller,
        AuditAction.PAYMENT_METHOD_ADDED,
        "payment-method",
        method.id(),
        "Added " + method.describe(),
        null,
        method.describe());
    return method;
  }

  public void remove(Caller caller, long id) {
    PaymentMethod method = get(caller, id);
    method.remove(clock.instant());
    audit.record(
        caller,
        AuditAction.PAYMENT_METHOD_REMOVED,
        "payment-method",
        id,
        "Removed " + method.describe(),
        method.describe(),
        null);
  }

  /** Card details as typed; the number is passed on to the gateway and dropped. */
  public record NewCard(String number, Integer expiryMonth, Integer expiryYear, String cvc) {
    @Override
    public String toString() {
      return "NewCard[number=****, expiry=" + expiryMonth + "/" + expiryYear + "]";
    }
  }
}
