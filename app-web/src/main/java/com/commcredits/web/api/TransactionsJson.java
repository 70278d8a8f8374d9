package com.commcredits.web.api;

import java.util.List;

/**
 * A page of ledger entries: {@code older}/{@code newer} are the cursors of the neighbouring pages
 * (pass as {@code before}/{@code after}; absent at either end); {@code page} only for an offset
 * page; {@code total} is exact up to 10,000, else 10,000 with {@code totalIsLowerBound}.
 */
public record TransactionsJson(
    List<EntryJson> items,
    Integer page,
    int size,
    long total,
    boolean totalIsLowerBound,
    Long newer,
    Long older) {}
