package com.commcredits.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * Which lot paid how much of a ledger entry (R-FUND-3). A null lot is the part no lot covered,
 * which took the balance below zero (R-FUND-5); a negative amount gives money back to a lot (a
 * reversal). Written once, never changed.
 */
@Entity
@Table(name = "lot_allocation")
public class LotAllocation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "wallet_id", nullable = false, updatable = false)
  private long walletId;

  @Column(name = "entry_id", nullable = false, updatable = false)
  private long entryId;

  @Column(name = "lot_id", updatable = false)
  private Long lotId;

  @Column(nullable = false, updatable = false)
  private BigDecimal amount;

  protected LotAllocation() {
    // for JPA
  }

  LotAllocation(long walletId, long entryId, Long lotId, BigDecimal amount) {
    this.walletId = walletId;
    this.entryId = entryId;
    this.lotId = lotId;
    this.amount = amount;
  }

  public Long id() {
    return id;
  }

  public long walletId() {
    return walletId;
  }

  public long entryId() {
    return entryId;
  }

  public Long lotId() {
    return lotId;
  }

  public BigDecimal amount() {
    return amount;
  }

  public boolean isUncovered() {
    return lotId == null;
  }
}
