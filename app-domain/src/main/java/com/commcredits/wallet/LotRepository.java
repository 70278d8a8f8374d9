package com.commcredits.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A wallet's funding lots; they change only with their wallet's row lock held. */
public interface LotRepository {
  /** Lots that still hold money, soonest expiry first (then by purchase and id). */
  List<FundingLot> openLots(long walletId);

  /**
   * The wallet's lots that still hold money at or after their expiry instant {@code at}, soonest
   * expiry first (the lock order of lots); read with the wallet locked.
   */
  List<FundingLot> dueLots(long walletId, Instant at);

  List<FundingLot> lots(long walletId);

  Map<Long, FundingLot> lotsById(long walletId, List<Long> ids);

  /** Lots with money left that expire after {@code from} and no later than {@code to}. */
  List<FundingLot> lotsExpiringBetween(Instant from, Instant to);

  /** Wallets that have a lot with money left whose expiry has come. */
  List<Long> walletsWithLotsDue(Instant at);
}
