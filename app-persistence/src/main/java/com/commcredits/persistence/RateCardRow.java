package com.commcredits.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published rate card's header: its currency, name and publication time. */
@Entity
@Table(name = "rate_card")
public class RateCardRow {
  @Id private Long id;

  @Column(nullable = false)
  private String currency;

  @Column(nullable = false)
  private String name;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  protected RateCardRow() {
    // for JPA
  }

  long id() {
    return id;
  }

  String currency() {
    return currency;
  }

  String name() {
    return name;
  }

  Instant publishedAt() {
    return publishedAt;
  }
}
