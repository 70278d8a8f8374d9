/**
 * Subscriptions an organisation has bought: product, licence quantity, status, start date
 * (R-SUB-1).
 */
package com.commcredits.subscription;
