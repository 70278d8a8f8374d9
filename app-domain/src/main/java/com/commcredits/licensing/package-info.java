/**
 * Licence assignment (R-LIC): which user holds which product, never more than purchased, with the
 * dependencies between products (a Calling Plan needs Phone System; Communications Credits needs
 * Phone System or Audio Conferencing). Assignments keep their history, since pools follow them.
 */
package com.commcredits.licensing;
