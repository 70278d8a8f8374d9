/** Request guards for the pages: security headers, the signed-in session and its caller, CSRF tokens. */
package com.commcredits.web.security;
