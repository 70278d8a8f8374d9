package com.commcredits.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Minutes a month that one assigned licence adds to a pool; a null country means every country. */
@Embeddable
public class ProductAllotment {
  @Column(name = "country")
  private String country;

  @Enumerated(EnumType.STRING)
  @Column(name = "pool_kind", nullable = false)
  private PoolKind poolKind;

  @Column(name = "minutes", nullable = false)
  private int minutes;

  protected ProductAllotment() {
    // for JPA
  }

  public ProductAllotment(String country, PoolKind poolKind, int minutes) {
    this.country = country;
    this.poolKind = poolKind;
    this.minutes = minutes;
  }

  public boolean appliesTo(String usageLocation) {
    return country == null || country.equals(usageLocation);
  }

  public String country() {
    return country;
  }

  public PoolKind poolKind() {
    return poolKind;
  }

  public int minutes() {
    return minutes;
  }
}
