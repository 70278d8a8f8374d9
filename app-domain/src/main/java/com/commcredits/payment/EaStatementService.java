package com.commcredits.payment;

import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Enterprise Agreement statements (R-PAY-3): per EA number, PO and month of the organisation's
 * calendar, the EA-paid fundings (by hand and by auto-recharge) with their total.
 */
@Stateless
public class EaStatementService {
  @Inject PaymentMethodRepository methods;
  @Inject OrganisationRepository organisations;

  /** One statement: an EA, a PO (or none), a month, its lines and total. */
  public record Statement(
      String eaNumber,
      String purchaseOrder,
      YearMonth month,
      String currency,
      List<EaBillingLine> lines) {
    public BigDecimal total() {
      return lines.stream().map(EaBillingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean matches(String ea, String po, String monthText) {
      return eaNumber.equals(ea)
          && Objects.equals(purchaseOrder == null ? "" : purchaseOrder, po == null ? "" : po)
          && month.toString().equals(monthText);
    }
  }

  /** Every statement, newest month first. */
  public List<Statement> statements(Caller caller) {
    caller.require(Permission.MANAGE_BILLING);
    ZoneId zone =
        organisations
            .find(caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The organisation"))
            .timeZone();
    Map<String, Statement> byKey = new LinkedHashMap<>();
    for (EaBillingLine line : methods.billingLines(caller.organisationId())) {
      YearMonth month = YearMonth.from(line.occurredAt().atZone(zone));
      String key = line.eaNumber() + "|" + line.purchaseOrder() + "|" + month;
      byKey
          .computeIfAbsent(
              key,
              k ->
                  new Statement(
                      line.eaNumber(),
                      line.purchaseOrder(),
                      month,
                      line.currency(),
                      new ArrayList<>()))
          .lines()
          .add(line);
    }
    List<Statement> all = new ArrayList<>(byKey.values());
    all.sort(Comparator.comparing(Statement::month).reversed().thenComparing(Statement::eaNumber));
    return all;
  }

  public Statement statement(Caller caller, String ea, String po, String month) {
    return statements(caller).stream()
        .filter(s -> s.matches(ea, po, month))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("The statement"));
  }
}
