/**
 * Exact money: one {@link com.commcredits.money.Money} type, rounded once, HALF_UP, to the
 * currency's minor unit (R-FUND-1).
 */
package com.commcredits.money;
