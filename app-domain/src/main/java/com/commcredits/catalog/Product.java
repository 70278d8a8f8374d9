package com.commcredits.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A catalog product, seeded by a migration: its SKU, name, kind, what it includes and where it is
 * sold.
 */
@Entity
@Table(name = "product")
public class Product {
  @Id private String sku;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProductKind kind;

  @Column(name = "sold_in")
  private String soldIn;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "product_inclusion", joinColumns = @JoinColumn(name = "sku"))
  @Column(name = "included_sku")
  private Set<String> includes = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "product_allotment", joinColumns = @JoinColumn(name = "sku"))
  private List<ProductAllotment> allotments = new ArrayList<>();

  protected Product() {
    // for JPA
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public ProductKind kind() {
    return kind;
  }

  /** Countries it is sold in, in catalog order; empty means everywhere. */
  public List<String> soldIn() {
    return soldIn == null || soldIn.isBlank() ? List.of() : List.of(soldIn.split(","));
  }

  public Set<String> includes() {
    return Set.copyOf(includes);
  }

  public List<ProductAllotment> allotments() {
    return List.copyOf(allotments);
  }

  public int sortOrder() {
    return sortOrder;
  }
}
