package com.commcredits.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A wallet's checkpoint: the last ledger entry verified and the sums up to it; an incremental run
 * verifies only what came after. Also what a tenant sees ("checked at …, matched").
 */
public record WalletCheck(
    long walletId,
    long runId,
    long lastEntryId,
    BigDecimal ledgerSum,
    BigDecimal balance,
    BigDecimal lotRemainders,
    long entries,
    boolean matched,
    Instant checkedAt) {}
