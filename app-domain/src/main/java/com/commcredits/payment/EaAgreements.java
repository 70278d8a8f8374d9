package com.commcredits.payment;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.AlreadyDoneException;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import com.commcredits.shared.Validator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The operator registers a tenant's Enterprise Agreements (R-PAY-1): EA number, customer and
 * monthly credit limit. Only a registered number can become a payment method, and its fundings stay
 * within the limit ({@link PaymentChoice#checkEaLimit}). Audited in both organisations.
 */
@Stateless
public class EaAgreements {
  @Inject PaymentMethodRepository methods;
  @Inject OrganisationRepository organisations;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** An agreement as the operator's form or API sends it; a null currency means the tenant's. */
  public record Registration(
      String eaNumber, String customer, String monthlyLimit, String currency) {}

  public List<EaAgreement> list(Caller operator, long organisationId) {
    operator.require(Permission.OPERATE_TENANTS);
    return methods.agreements(tenant(organisationId).id());
  }

  /** Registers an EA number for the organisation; 409 when it is already registered for it. */
  public EaAgreement register(Caller operator, long organisationId, Registration command) {
    operator.require(Permission.OPERATE_TENANTS);
    String number = command.eaNumber() == null ? "" : command.eaNumber().strip();
    Validator v =
        new Validator()
            .check(
                PaymentMethod.EA_NUMBER.matcher(number).matches(),
                "eaNumber",
                "An Enterprise Agreement number is 8 digits, e.g. 54321987.")
            .required(command.customer(), "customer", "The customer", 200)
            .plainAmount("monthlyLimit", command.monthlyLimit());
    v.throwIfInvalid(); // before the lock
    Organisation tenant =
        organisations
            .lock(organisationId)
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Money limit = null;
    try {
      limit = Money.parse(command.monthlyLimit(), tenant.currency());
      v.check(limit.isPositive(), "monthlyLimit", "Enter a monthly limit more than zero.");
      v.check(
          command.currency() == null || tenant.currency().name().equals(command.currency()),
          "monthlyLimit.currency",
          tenant.name() + " pays in " + tenant.currency() + "; give the limit in it.");
    } catch (IllegalArgumentException e) {
      v.check(false, "monthlyLimit", e.getMessage());
    }
    v.throwIfInvalid();
    if (methods.agreement(tenant.id(), number).isPresent()) {
      throw new AlreadyDoneException(
          "EA " + number + " is already registered for " + tenant.name() + ".");
    }
    EaAgreement agreement =
        methods.addAgreement(
            new EaAgreement(
                tenant.id(),
                number,
                command.customer(),
                limit,
                clock.instant(),
                operator.actorName()));
    String summary =
        "Registered EA "
            + number
            + " ("
            + agreement.customer()
            + ") for "
            + tenant.name()
            + ", monthly limit "
            + limit;
    audit.record(
        operator,
        AuditAction.EA_AGREEMENT_REGISTERED,
        "ea-agreement",
        agreement.id(),
        summary,
        null,
        "limit=" + limit);
    audit.record(
        operator.inTenant(tenant.id(), operatorName(operator)),
        AuditAction.EA_AGREEMENT_REGISTERED,
        "ea-agreement",
        agreement.id(),
        summary,
        null,
        "limit=" + limit);
    return agreement;
  }

  private Organisation tenant(long organisationId) {
    return organisations
        .find(organisationId)
        .orElseThrow(() -> new NotFoundException("The organisation"));
  }

  private String operatorName(Caller operator) {
    return organisations.find(operator.organisationId()).map(Organisation::name).orElse("operator");
  }
}
