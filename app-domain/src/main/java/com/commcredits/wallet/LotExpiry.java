package com.commcredits.wallet;

import com.commcredits.audit.AuditAction;
import com.commcredits.audit.AuditLog;
import com.commcredits.money.Money;
import com.commcredits.shared.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * Expires a wallet's lots whose 12 months have passed (R-FUND-4): each lot's remainder leaves
 * through an expiry entry, with an email per lot and one audit entry; nothing is deleted.
 */
@Stateless
public class LotExpiry {
  @Inject WalletLocks locks;
  @Inject LotRepository lots;
  @Inject LedgerRepository ledger;
  @Inject ExpiryNotices expiryNotices;
  @Inject BalanceNotices notices;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Expires the wallet's lots whose 12 months have passed (R-FUND-4); returns how many. */
  public int expireLots(long walletId) {
    Wallet wallet = locks.wallet(walletId);
    Instant now = clock.instant();
    int expired = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (FundingLot lot : lots.openLots(walletId)) {
      if (lot.isDueForExpiry(now)) {
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
    }
    if (expired > 0) {
      audit.record(
          Caller.system(wallet.organisationId()),
          AuditAction.LOTS_EXPIRED,
          "wallet",
          walletId,
          expired + " lot(s) expired: " + Money.of(total, wallet.currency()),
          null,
          "balance=" + wallet.balance());
    }
    return expired;
  }
}
