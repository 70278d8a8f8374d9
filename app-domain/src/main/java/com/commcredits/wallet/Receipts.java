package com.commcredits.wallet;

import com.commcredits.config.AppSettings;
import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads receipts and credit notes to print them (R-RECEIPT-2): a tenant's billing admins read their
 * own organisation's, the operator any; another organisation's id is not found (404).
 */
@Stateless
public class Receipts {
  @Inject BillingDocumentRepository documents;
  @Inject OrganisationRepository organisations;
  @Inject AppSettings settings;

  /** A document with what printing it needs: the seller from configuration, the buyer's zone. */
  public record Printable(
      BillingDocument document, String sellerName, String sellerAddress, ZoneId zone) {}

  /** The receipt of one of the caller's organisation's fundings. */
  public Printable receipt(Caller caller, long fundingId) {
    caller.require(Permission.MANAGE_BILLING);
    BillingDocument receipt =
        documents
            .receiptOf(fundingId)
            .filter(d -> d.organisationId() == caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The receipt"));
    return printable(receipt);
  }

  /**
   * A document by id: the caller's organisation's own (billing admins), or any tenant's for the
   * operator.
   */
  public Printable document(Caller caller, long documentId) {
    boolean operator = caller.can(Permission.OPERATE_TENANTS);
    if (!operator) {
      caller.require(Permission.MANAGE_BILLING);
    }
    BillingDocument document =
        documents
            .find(documentId)
            .filter(d -> operator || d.organisationId() == caller.organisationId())
            .orElseThrow(() -> new NotFoundException("The document"));
    return printable(document);
  }

  /** For the system (an email's attachment): the receipt of a funding of that organisation. */
  public Optional<Printable> receiptFor(long organisationId, long fundingId) {
    return documents
        .receiptOf(fundingId)
        .filter(d -> d.organisationId() == organisationId)
        .map(this::printable);
  }

  /** For the system (an email's attachment): a document of that organisation by id. */
  public Optional<Printable> documentFor(long organisationId, long documentId) {
    return documents
        .find(documentId)
        .filter(d -> d.organisationId() == organisationId)
        .map(this::printable);
  }

  private Printable printable(BillingDocument document) {
    ZoneId zone =
        organisations
            .find(document.organisationId())
            .map(Organisation::timeZone)
            .orElse(ZoneId.of("UTC"));
    return new Printable(document, settings.sellerName(), settings.sellerAddress(), zone);
  }
}
