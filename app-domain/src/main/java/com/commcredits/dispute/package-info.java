/**
 * Disputes of rated calls (R-RATE-7, R-DISPUTE): a tenant's billing admins dispute a call with a
 * reason; the operator approves (a refund back to the lots that paid, with a credit note) or
 * rejects with a reason; a call is refunded at most once.
 */
package com.commcredits.dispute;
