-- Licence assignments (R-LIC) with their history, and minute-pool usage per month (R-POOL).

CREATE TABLE licence_assignment (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT      NOT NULL,
  user_id         BIGINT      NOT NULL,
  sku             VARCHAR(64) NOT NULL,
  assigned_at     DATETIME(6) NOT NULL,
  removed_at      DATETIME(6) NULL,
  active_flag     TINYINT     NULL,
  -- one active row per user and product; removed rows (flag NULL) are history
  CONSTRAINT uq_licence_assignment_active UNIQUE (user_id, sku, active_flag),
  CONSTRAINT ck_licence_assignment_flag CHECK ((active_flag = 1 AND removed_at IS NULL)
                                               OR (active_flag IS NULL AND removed_at IS NOT NULL)),
  CONSTRAINT fk_licence_assignment_user FOREIGN KEY (user_id) REFERENCES directory_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_licence_assignment_product FOREIGN KEY (sku) REFERENCES product (sku),
  CONSTRAINT fk_licence_assignment_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  INDEX ix_licence_assignment_org_sku (organisation_id, sku, active_flag),
  INDEX ix_licence_assignment_org_time (organisation_id, assigned_at, removed_at)
) ENGINE = InnoDB;

CREATE TABLE pool_usage (
  organisation_id BIGINT      NOT NULL,
  country         CHAR(2)     NOT NULL,
  pool_kind       VARCHAR(32) NOT NULL,
  month           CHAR(7)     NOT NULL,
  used_minutes    BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, country, pool_kind, month),
  CONSTRAINT fk_pool_usage_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT ck_pool_usage_used CHECK (used_minutes >= 0)
) ENGINE = InnoDB;
