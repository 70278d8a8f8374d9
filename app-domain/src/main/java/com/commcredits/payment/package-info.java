/**
 * Payment methods (cards held as gateway tokens, Enterprise Agreement numbers) and the
 * payment-gateway port the wallet pays through; the built-in adapter is a sandbox (R-PAY-1,
 * R-PAY-2, R-PAY-3).
 */
package com.commcredits.payment;
