/**
 * The operator's desk (R-FUND-12, R-PAY-1): the organisation that publishes the rates finds a
 * tenant, reads its wallet, and makes the acts only it may make there: manual adjustments, refunds
 * of a rated call and Enterprise Agreement registrations. Nobody else can create money.
 */
package com.commcredits.operator;
