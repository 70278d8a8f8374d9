package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns a paid (or EA-accepted) funding into its lot and ledger entry, inside a transaction that
 * holds the organisation, wallet and funding locks in that order.
 */
@Dependent
class FundingCredit {
  @Inject LedgerRepository ledger;
  @Inject Zones zones;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject DocumentIssuer documents;

  void succeed(Caller caller, Wallet wallet, Funding funding, Money amount, String reference) {
    Instant now = clock.instant();
    String before = wallet.balance().toString();
    Movement movement =
        wallet.fund(
            amount,
            funding.source(),
            funding.id(),
            reference,
            zones.of(wallet.organisationId()),
            new Wallet.Stamp(
                now,
                now,
                "funding:" + funding.id(),
                reference,
                describe(funding.source()) + " (" + reference + ")",
                funding.actor()));
    ledger.record(movement);
    funding.succeeded(movement.newLot().id(), reference, now);
    // numbered here, in the settlement's transaction: a funding never exists without its receipt
    documents.issueReceipt(funding, movement.newLot(), amount, now);
    audit.record(
        caller,
        AuditAction.FUNDS_ADDED,
        "funding",
        funding.id(),
        "Added " + amount + " (" + reference + ")",
        "balance=" + before,
        "balance=" + wallet.balance());
  }

  private static String describe(LotSource source) {
    return switch (source) {
      case MANUAL -> "Funds added";
      case AUTO_RECHARGE -> "Auto-recharge";
      case PURCHASE_ORDER -> "Funds added on Enterprise Agreement";
      case ADJUSTMENT -> "Manual adjustment";
    };
  }
}
