package com.commcredits.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Funding requests: recorded under their idempotency key, resolved once by the payment's answer.
 */
public interface FundingRepository {
  Optional<Funding> fundingByKey(long walletId, String idempotencyKey);

  Optional<Funding> findFunding(long fundingId);

  /** Locks the funding's row; taken after its wallet's (see {@link WalletLocks}). */
  Optional<Funding> lockFunding(long fundingId);

  Funding addFunding(Funding funding);

  /** Card fundings still pending that were requested before the given time. */
  List<Long> pendingFundings(Instant requestedBefore);

  List<Funding> recentFundings(long walletId, int limit);
}
