package com.commcredits.guard;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trip of the brake (R-GUARD-3): which window went over which limit, by how much spend, and the
 * window's span at the moment it tripped.
 */
public record BrakeTrip(
    long id,
    long organisationId,
    BrakeWindow window,
    BigDecimal limit,
    BigDecimal spent,
    Instant windowFrom,
    Instant trippedAt) {}
