/**
 * Auto-recharge (R-RECH): when a charge takes the balance below the trigger, the same transaction
 * records one recharge attempt, started right after commit; a sweep catches any that were missed.
 * Safety rails: one attempt in flight, at most 5 per 24 hours, suspended after 3 failures in a row.
 */
package com.commcredits.recharge;
