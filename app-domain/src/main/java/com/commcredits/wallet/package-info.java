/**
 * The Communications Credits wallet (R-FUND): funding lots that expire 12 months after purchase, an
 * append-only ledger, allocations recording which lot paid which charge, and the invariant that the
 * balance equals the sum of the ledger and the sum of lot remainders minus any negative amount.
 *
 * <p><b>Lock order (R-FUND-8).</b> Every transaction that locks more than one row takes its locks
 * in this one order, and never a lock earlier in the list once it holds a later one:
 *
 * <ol>
 *   <li>the organisation's row ({@code organisation});
 *   <li>its wallet ({@code wallet});
 *   <li>a dispute of one of its calls ({@code call_dispute}), when an approval refunds it;
 *   <li>the wallet's funding ({@code funding}) and lots ({@code funding_lot}, soonest expiry first,
 *       then by id);
 *   <li>minute pools ({@code pool_usage}, by key);
 *   <li>the spend guard's counters ({@code user_month_spend} by user and month, then {@code
 *       international_spend_minute} by minute), written only by rating under the wallet's lock;
 *   <li>auto-recharge settings ({@code auto_recharge});
 *   <li>the recharge attempt ({@code recharge_attempt});
 *   <li>the hourly spend rows ({@code call_spend_hourly}, by key), written last by rating with the
 *       batch's call records, only under the organisation's lock (so never contended).
 *   <li>the wallet's charges per UTC day ({@code ledger_charge_daily}, issue 15), written with the
 *       ledger's entries by the ledger repository, only under the wallet's lock (so never
 *       contended, wherever among the later rows a writer takes it).
 *   <li>the organisation's document counter ({@code document_counter}), last: taken only to number
 *       the receipt or credit note of the money movement in the same transaction, so a number is
 *       never skipped (a rollback gives it back) nor shared.
 * </ol>
 *
 * {@link com.commcredits.wallet.WalletLocks} takes the first two and then expires the wallet's due
 * lots (R-FUND-10), so no money transaction sees expired funds; rows found only through a later one
 * (a funding, an attempt) are first read without a lock to learn their wallet. The organisation
 * comes first because audit and notification rows reference it: inserting them takes a shared lock
 * on its row, which must never be requested while the wallet is held by someone waiting for it.
 * Lots and ledger rows change only under the wallet's lock, and a recharge attempt is only inserted
 * or taken out of flight under it, so the "one in flight per wallet" unique key never makes a
 * charge wait on a recharge. The operator's acts on a tenant (adjustments, refunds) lock the
 * tenant's organisation and wallet in this order; their audit row in the operator's organisation
 * takes only a shared lock on that row, never while waiting for another tenant's lock. Deadlocks
 * and lock-wait time-outs that still happen are retried as a whole new transaction by {@link
 * com.commcredits.shared.Retries}, outside the transactional bean.
 */
package com.commcredits.wallet;
