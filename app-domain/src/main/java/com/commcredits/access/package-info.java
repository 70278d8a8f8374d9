/**
 * Who may do what: admin accounts and their roles, form sign-in with lockout, API keys for the JSON
 * API, and the {@link com.commcredits.shared.Caller} every use case is run as (R-SEC-1).
 */
package com.commcredits.access;
