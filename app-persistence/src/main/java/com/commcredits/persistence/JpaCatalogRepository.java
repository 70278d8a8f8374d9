package com.commcredits.persistence;

import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

@ApplicationScoped
class JpaCatalogRepository implements CatalogRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  /**
   * The catalog changes only with a migration, and every call authorisation reads it: it is read
   * once and kept for a minute (a product with its two collections costs three queries).
   */
  private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record Snapshot(List<Product> products, long readAt) {}

  private volatile Snapshot snapshot;

  @Override
  public List<Product> products() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.readAt() > KEEP_NANOS) {
      List<Product> read =
          em.createQuery("SELECT p FROM Product p ORDER BY p.sortOrder", Product.class)
              .getResultList();
      current = new Snapshot(List.copyOf(read), System.nanoTime());
      snapshot = current;
    }
    return current.products();
  }

  @Override
  public Optional<Product> product(String sku) {
    return Optional.ofNullable(em.find(Product.class, sku));
  }

  @Override
  public Optional<BigDecimal> monthlyPrice(String sku, String currency) {
    return em.createNativeQuery(
            "SELECT monthly_price FROM product_price WHERE sku = ? AND currency = ?")
        .setParameter(1, sku)
        .setParameter(2, currency)
        .getResultStream()
        .findFirst()
        .map(v -> v instanceof BigDecimal b ? b : new BigDecimal(v.toString()));
  }
}
