package com.commcredits.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The catalog, read-only: products change by migration, not through the application. */
public interface CatalogRepository {
  List<Product> products();

  Optional<Product> product(String sku);

  /** The list price of one licence for a month, in a currency; empty when the catalog has none. */
  Optional<BigDecimal> monthlyPrice(String sku, String currency);
}
