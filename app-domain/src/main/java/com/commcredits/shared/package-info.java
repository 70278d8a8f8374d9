/**
 * Building blocks every bounded context shares: the caller of a use case, domain exceptions and
 * field errors.
 */
package com.commcredits.shared;
