package com.commcredits.guard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One rated call as the counters see it: the user (null for toll-free inbound), the month of its
 * start in the organisation's zone, when it ended, what the wallet was charged, whether it was an
 * international call a user placed, and its duration.
 */
public record SpendLine(
    Long userId,
    YearMonth month,
    Instant endedAt,
    BigDecimal charge,
    boolean international,
    long seconds) {}
