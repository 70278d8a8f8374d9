package com.commcredits.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A published rate card's header, read to find the card of a currency. */
@Entity
@Table(name = "rate_card")
public class RateCardRow {
  @Id
  private Long id;

  @Column(nullable = false)
  private String currency;

  protected RateCardRow() {
    // for JPA
  }
}
