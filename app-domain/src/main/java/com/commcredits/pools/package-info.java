/**
 * Calling-plan minute pools (R-POOL): per organisation, country and kind, per calendar month of the
 * organisation's time zone; capacity from the licences assigned to users located in that country.
 */
package com.commcredits.pools;
