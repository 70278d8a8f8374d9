/**
 * Auto-recharge (R-RECH): when a debit takes the balance from at or above the trigger to below it,
 * the same transaction records one recharge attempt, started right after commit; a sweep runs
 * attempts left behind and retries failed ones after their back-off. A recharge that leaves the
 * balance below the trigger starts no other. Safety rails: one attempt in flight, at most 5 per 24
 * hours, suspended after 3 failures in a row. Every transaction follows the lock order of {@link
 * com.commcredits.wallet} (organisation, wallet, funding, pools, settings, attempt).
 */
package com.commcredits.recharge;
