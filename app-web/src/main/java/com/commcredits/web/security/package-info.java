/**
 * Request guards for the pages: security headers, CSRF tokens, and what the session remembers of
 * the signed-in admin.
 */
package com.commcredits.web.security;
