package com.commcredits.rating;

import java.time.Instant;

/**
 * The filters of the PSTN usage report (R-REP-1): a period of at most a year, a user, a call type.
 */
public record UsageFilter(Instant from, Instant to, String userUpn, CallKind kind) {}
