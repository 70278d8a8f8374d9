package com.commcredits.web.api;

import com.commcredits.wallet.LedgerEntry;
import java.time.Instant;

/** A ledger entry, as the wallet, transactions and operator APIs answer it. */
public record EntryJson(
    long id,
    String type,
    MoneyJson amount,
    MoneyJson balanceAfter,
    Instant occurredAt,
    Instant recordedAt,
    String description,
    String reference,
    Long reversesEntryId) {
  public static EntryJson of(LedgerEntry e) {
    return new EntryJson(
        e.id(),
        e.type().name(),
        MoneyJson.of(e.amount(), e.currency()),
        MoneyJson.of(e.balanceAfter(), e.currency()),
        e.occurredAt(),
        e.recordedAt(),
        e.description(),
        e.reference(),
        e.reversesEntryId());
  }
}
