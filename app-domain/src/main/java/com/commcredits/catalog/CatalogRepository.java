package com.commcredits.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog, read-only: products change by migration, not through the application. */
public interface CatalogRepository {
  List<Product> products();

  Optional<Product> product(String sku);
}
