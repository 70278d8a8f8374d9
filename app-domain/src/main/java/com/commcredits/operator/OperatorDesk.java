package com.commcredits.operator;

import com.commcredits.organisation.Organisation;
import com.commcredits.organisation.OrganisationRepository;
import com.commcredits.payment.EaAgreement;
import com.commcredits.payment.PaymentMethodRepository;
import com.commcredits.rating.CallRecord;
import com.commcredits.rating.CallRecordRepository;
import com.commcredits.shared.Caller;
import com.commcredits.shared.NotFoundException;
import com.commcredits.shared.Page;
import com.commcredits.shared.Permission;
import com.commcredits.shared.ValidationException;
import com.commcredits.shared.Validator;
import com.commcredits.wallet.LedgerEntry;
import com.commcredits.wallet.LedgerRepository;
import com.commcredits.wallet.Reversals;
import com.commcredits.wallet.Wallet;
import com.commcredits.wallet.WalletRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * What the operator's Global admins read and do on a tenant: find it by name, see its wallet and
 * recent ledger, and refund one of its rated calls. Every method requires {@link
 * Permission#OPERATE_TENANTS}; manual adjustments are {@link com.commcredits.wallet.Adjustments},
 * EA registrations {@link com.commcredits.payment.EaAgreements}.
 */
@Stateless
public class OperatorDesk {
  private static final int SEARCH_LIMIT = 50;

  @Inject OrganisationRepository organisations;
  @Inject WalletRepository wallets;
  @Inject LedgerRepository ledger;
  @Inject PaymentMethodRepository methods;
  @Inject CallRecordRepository calls;
  @Inject Reversals reversals;

  /** A tenant as the operator sees it: its wallet (null without one) and recent ledger. */
  public record Tenant(
      Organisation organisation,
      Wallet wallet,
      Page<LedgerEntry> recent,
      List<EaAgreement> agreements) {}

  /** Organisations whose name contains the text; every organisation (by name) for a blank one. */
  public List<Organisation> search(Caller operator, String nameContains) {
    operator.require(Permission.OPERATE_TENANTS);
    String q = nameContains == null ? "" : nameContains.strip();
    new Validator()
        .check(q.length() <= 200, "q", "Search with at most 200 characters.")
        .throwIfInvalid();
    return organisations.search(q, SEARCH_LIMIT);
  }

  public Tenant tenant(Caller operator, long organisationId, int page, int size) {
    operator.require(Permission.OPERATE_TENANTS);
    Page.validate(page, size, 200);
    Organisation organisation =
        organisations
            .find(organisationId)
            .orElseThrow(() -> new NotFoundException("The organisation"));
    Wallet wallet = wallets.findForOrganisation(organisationId).orElse(null);
    Page<LedgerEntry> recent =
        wallet == null
            ? new Page<>(List.of(), page, size, 0)
            : ledger.entries(
                wallet.id(), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), page, size);
    return new Tenant(organisation, wallet, recent, methods.agreements(organisationId));
  }

  /**
   * Refunds a rated call's wallet charge back to the lots that paid it (R-FUND-12), at most once
   * per call. A call id is unique only within an organisation, so the organisation is named too;
   * another organisation's call is not found (404).
   */
  public Reversals.Refund refundCall(
      Caller operator, long organisationId, String callId, String reason, String idempotencyKey) {
    operator.require(Permission.OPERATE_TENANTS);
    String id = callId == null ? "" : callId.strip();
    new Validator().required(id, "callId", "The call id", 100).throwIfInvalid();
    organisations.find(organisationId).orElseThrow(() -> new NotFoundException("The organisation"));
    CallRecord call = calls.existing(organisationId, List.of(id)).get(id);
    if (call == null) {
      throw new NotFoundException("The call");
    }
    if (call.ledgerEntryId() == null) {
      throw ValidationException.of(
          "callId", "Call " + id + " was not charged to the wallet; there is nothing to refund.");
    }
    return reversals.refund(
        operator,
        organisationId,
        call.ledgerEntryId(),
        "Refund of call " + id,
        reason,
        idempotencyKey);
  }
}
