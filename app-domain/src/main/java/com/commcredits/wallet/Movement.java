package com.commcredits.wallet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one wallet operation produced: the ledger entry and the lots it touched, with how much each
 * gave (or got back). Allocation rows are made from it once the entry has its id.
 */
public final class Movement {
  private final LedgerEntry entry;
  private final FundingLot newLot;
  private final List<Part> parts;

  /** How much one lot (or, with a null lot, nothing: the balance went negative) took part. */
  public record Part(FundingLot lot, BigDecimal amount) {}

  Movement(LedgerEntry entry, FundingLot newLot, List<Part> parts) {
    this.entry = entry;
    this.newLot = newLot;
    this.parts = List.copyOf(parts);
  }

  public LedgerEntry entry() {
    return entry;
  }

  /** The lot this movement created (fundings and credit adjustments), else null. */
  public FundingLot newLot() {
    return newLot;
  }

  public List<Part> parts() {
    return parts;
  }

  /** The allocation rows, for an entry that has been given its id. */
  public List<LotAllocation> allocations() {
    if (entry.id() == null) {
      throw new IllegalStateException("Persist the entry first");
    }
    List<LotAllocation> rows = new ArrayList<>(parts.size());
    for (Part part : parts) {
      rows.add(
          new LotAllocation(
              entry.walletId(),
              entry.id(),
              part.lot() == null ? null : part.lot().id(),
              part.amount()));
    }
    return rows;
  }
}
