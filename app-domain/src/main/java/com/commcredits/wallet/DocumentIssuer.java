package com.commcredits.wallet;

import com.commcredits.config.AppSettings;
import com.commcredits.money.Money;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.payment.PaymentMethod;
import com.commcredits.payment.PaymentMethodRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Issues receipts and credit notes inside the transaction of the money movement they document
 * (R-RECEIPT-1, R-DISPUTE-3): the number is taken from the organisation's counter there, last in
 * the lock order, so a movement that rolls back leaves no gap and two never share a number.
 */
@Dependent
public class DocumentIssuer {
  @Inject BillingDocumentRepository documents;
  @Inject OrganisationRepository organisations;
  @Inject PaymentMethodRepository methods;
  @Inject AppSettings settings;

  /** The receipt of a funding that just succeeded, with its lot's expiry. */
  BillingDocument issueReceipt(Funding funding, FundingLot lot, Money amount, Instant at) {
    Organisation buyer = organisations.find(funding.organisationId()).orElseThrow();
    PaymentMethod method =
        methods.find(funding.organisationId(), funding.paymentMethodId()).orElse(null);
    String paidWith;
    if (method == null) {
      paidWith = "Payment method " + funding.paymentMethodId();
    } else if (method.isCard()) {
      paidWith = method.cardBrand() + " ending " + method.cardLast4();
    } else {
      paidWith =
          "Enterprise Agreement "
              + method.eaNumber()
              + (funding.purchaseOrder() == null ? "" : ", PO " + funding.purchaseOrder());
    }
    String description =
        funding.source() == LotSource.AUTO_RECHARGE
            ? "Communications Credits, auto-recharge (prepaid)"
            : "Communications Credits (prepaid)";
    return issue(
        DocumentKind.RECEIPT,
        new BillingDocument.Content(
            buyer.id(),
            funding.id(),
            null,
            at,
            amount,
            paidWith,
            description,
            settings.taxRate(buyer.billingCountry()),
            buyer.name(),
            buyer.billingCountry(),
            lot.expiresAt()));
  }

  /**
   * The credit note of a refund entry: the amount credited back to the wallet and why. Prepaid
   * credit carries no tax of its own, so neither does its refund.
   */
  public BillingDocument issueCreditNote(
      long organisationId, LedgerEntry refund, String description, Instant at) {
    Organisation buyer = organisations.find(organisationId).orElseThrow();
    return issue(
        DocumentKind.CREDIT_NOTE,
        new BillingDocument.Content(
            organisationId,
            null,
            refund.id(),
            at,
            Money.of(refund.amount(), refund.currency()),
            "Credited to the Communications Credits wallet",
            description,
            BigDecimal.ZERO,
            buyer.name(),
            buyer.billingCountry(),
            null));
  }

  private BillingDocument issue(DocumentKind kind, BillingDocument.Content content) {
    long number = documents.nextNumber(content.organisationId(), kind);
    return documents.add(new BillingDocument(kind, number, content));
  }
}
