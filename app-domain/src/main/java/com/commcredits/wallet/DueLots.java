package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the expiry of a locked wallet's lots whose expiry instant has come (R-FUND-4, R-FUND-10):
 * an expiry entry per lot (keyed by the lot, so never twice), its email, and one audit entry. Every
 * transaction that locks a wallet runs it first (see {@link WalletLocks}), so nothing it does next
 * sees expired funds in the balance or the lots, whether or not the nightly job has run.
 */
@Dependent
class DueLots {
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject ExpiryNotices expiryNotices;
  @Inject BalanceNotices notices;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** With the organisation and the wallet locked: expires its due lots; returns how many. */
  int expire(Wallet wallet) {
    Instant now = clock.instant();
    int expired = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (FundingLot lot : lots.dueLots(wallet.id(), now)) {
      Money before = wallet.balance();
      Movement movement =
          wallet.expire(
              lot,
              new Wallet.Stamp(
                  lot.expiresAt(),
                  now,
                  "expiry:" + lot.id(),
                  "lot " + lot.id(),
                  "Funds expired 12 months after purchase (lot " + lot.id() + ")",
                  "System"));
      ledger.record(movement);
      expiryNotices.expired(
          wallet, lot, Money.of(movement.entry().amount().negate(), wallet.currency()));
      notices.afterDebit(wallet, before, movement.entry());
      total = total.add(movement.entry().amount().negate());
      expired++;
    }
    if (expired > 0) {
      audit.record(
          Caller.system(wallet.organisationId()),
          AuditAction.LOTS_EXPIRED,
          "wallet",
          wallet.id(),
          expired + " lot(s) expired: " + Money.of(total, wallet.currency()),
          null,
          "balance=" + wallet.balance());
    }
    return expired;
  }
}
