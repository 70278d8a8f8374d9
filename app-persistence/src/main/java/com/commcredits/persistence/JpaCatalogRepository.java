package com.commcredits.persistence;

import com.commcredits.catalog.CatalogRepository;
import com.commcredits.catalog.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
class JpaCatalogRepository implements CatalogRepository {
  @PersistenceContext(unitName = "commcredits")
  EntityManager em;

  @Override
  public List<Product> products() {
    return em.createQuery("SELECT p FROM Product p ORDER BY p.sortOrder", Product.class).getResultList();
  }

  @Override
  public Optional<Product> product(String sku) {
    return Optional.ofNullable(em.find(Product.class, sku));
  }
}
