package com.commcredits.wallet;

import com.commcredits.money.Money;
import com.commcredits.notification.NotificationEvent;
import com.commcredits.notification.Notifier;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The emails about expiring funds (R-NOTIFY-1): warnings 30 and 7 days before a lot expires, each
 * once per lot, and the notice that a lot expired.
 */
@Stateless
public class ExpiryNotices {
  @Inject WalletRepository wallets;
  @Inject LotRepository lots;
  @Inject Notifier notifier;
  @Inject Zones zones;
  @Inject WalletQueries queries;
  @Inject Clock clock;

  /**
   * Warns the billing contacts 30 and 7 days before funds expire; each warning once per lot.
   * Returns how many warnings were written. Locks nothing: the balance it quotes is a plain read.
   */
  public int sendExpiryWarnings() {
    Instant now = clock.instant();
    int written = 0;
    Map<Long, RunwayForecast> forecasts = new HashMap<>();
    for (FundingLot lot : lots.lotsExpiringBetween(now, now.plus(Duration.ofDays(30)))) {
      long organisationId = wallets.organisationOf(lot.walletId()).orElseThrow();
      Wallet wallet = wallets.findForOrganisation(organisationId).orElseThrow();
      boolean week = Duration.between(now, lot.expiresAt()).toDays() < 7;
      Money left = Money.of(lot.remaining(), wallet.currency());
      LocalDate on = lot.expiresAt().atZone(zones.of(organisationId)).toLocalDate();
      Money lost =
          forecasts
              .computeIfAbsent(wallet.id(), w -> queries.forecast(wallet))
              .projectedUnused(lot.id());
      if (notifier.notify(
          organisationId,
          week ? NotificationEvent.FUNDS_EXPIRING_7_DAYS : NotificationEvent.FUNDS_EXPIRING_30_DAYS,
          "lot:" + lot.id() + (week ? ":7" : ":30"),
          left + " of Communications Credits expire on " + on,
          left
              + " of Communications Credits bought on "
              + purchased(lot, organisationId)
              + " will expire on "
              + on
              + " unless used before.\n"
              + (lost.isPositive()
                  ? "At the last 30 days' pace, about " + lost + " of it will expire unused.\n"
                  : "At the last 30 days' pace, all of it will be used before then.\n")
              + "Balance now: "
              + wallet.balance()
              + ".")) {
        written++;
      }
    }
    return written;
  }

  /** Inside the expiry's transaction: tells the billing contacts that a lot expired. */
  public void expired(Wallet wallet, FundingLot lot, Money gone) {
    notifier.notify(
        wallet.organisationId(),
        NotificationEvent.FUNDS_EXPIRED,
        "lot:" + lot.id(),
        "Communications Credits expired: " + gone,
        gone
            + " of Communications Credits bought on "
            + purchased(lot, wallet.organisationId())
            + " expired today, 12 months after purchase.\nBalance now: "
            + wallet.balance()
            + ".");
  }

  private LocalDate purchased(FundingLot lot, long organisationId) {
    return lot.purchasedAt().atZone(zones.of(organisationId)).toLocalDate();
  }
}
