-- The catalog is data (R-CAT-1) with per-country allotments (R-CAT-2); subscriptions (R-SUB-1).

CREATE TABLE product (
  sku        VARCHAR(64)  NOT NULL PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  kind       VARCHAR(32)  NOT NULL,
  sold_in    VARCHAR(200) NULL,
  sort_order INT          NOT NULL
) ENGINE = InnoDB;

CREATE TABLE product_inclusion (
  sku          VARCHAR(64) NOT NULL,
  included_sku VARCHAR(64) NOT NULL,
  PRIMARY KEY (sku, included_sku),
  CONSTRAINT fk_product_inclusion_product FOREIGN KEY (sku) REFERENCES product (sku),
  CONSTRAINT fk_product_inclusion_included FOREIGN KEY (included_sku) REFERENCES product (sku)
) ENGINE = InnoDB;

-- minutes a month per assigned licence; a NULL country means every country
CREATE TABLE product_allotment (
  id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku       VARCHAR(64) NOT NULL,
  country   CHAR(2)     NULL,
  pool_kind VARCHAR(32) NOT NULL,
  minutes   INT         NOT NULL,
  CONSTRAINT fk_product_allotment_product FOREIGN KEY (sku) REFERENCES product (sku),
  INDEX ix_product_allotment_sku (sku)
) ENGINE = InnoDB;

INSERT INTO product (sku, name, kind, sold_in, sort_order) VALUES
  ('BUSINESS_VOICE', 'Microsoft Teams Business Voice', 'BUNDLE', 'US,CA,GB', 10),
  ('BUSINESS_VOICE_NO_CALLING_PLAN', 'Microsoft Teams Business Voice without Calling Plan', 'BUNDLE', NULL, 20),
  ('PHONE_SYSTEM', 'Microsoft Teams Phone System', 'PHONE_SYSTEM', NULL, 30),
  ('DOMESTIC_CALLING_PLAN', 'Microsoft Teams Domestic Calling Plan', 'CALLING_PLAN',
     'US,CA,GB,AT,BE,DE,DK,ES,FI,FR,IE,IT,NL,PL,PT,SE', 40),
  ('DOMESTIC_INTERNATIONAL_CALLING_PLAN', 'Microsoft Teams Domestic and International Calling Plan', 'CALLING_PLAN',
     'US,CA,GB,AT,BE,DE,DK,ES,FI,FR,IE,IT,NL,PL,PT,SE', 50),
  ('INTERNATIONAL_CALLING_PLAN', 'Microsoft Teams International Calling Plan (add-on)', 'CALLING_PLAN', NULL, 60),
  ('AUDIO_CONFERENCING', 'Microsoft Teams Audio Conferencing', 'CONFERENCING', NULL, 70),
  ('COMMUNICATIONS_CREDITS', 'Communications Credits', 'CREDITS', NULL, 80),
  ('TOLL_FREE_NUMBERS', 'Toll-free service numbers', 'TOLL_FREE', NULL, 90);

INSERT INTO product_inclusion (sku, included_sku) VALUES
  ('BUSINESS_VOICE', 'PHONE_SYSTEM'),
  ('BUSINESS_VOICE', 'DOMESTIC_CALLING_PLAN'),
  ('BUSINESS_VOICE', 'AUDIO_CONFERENCING'),
  ('BUSINESS_VOICE_NO_CALLING_PLAN', 'PHONE_SYSTEM'),
  ('BUSINESS_VOICE_NO_CALLING_PLAN', 'AUDIO_CONFERENCING');

-- R-CAT-2: domestic US 3,000, CA 3,000, GB and EU 1,200; international 600; conferencing dial-out 60 (pooled)
INSERT INTO product_allotment (sku, country, pool_kind, minutes) VALUES
  ('BUSINESS_VOICE', 'US', 'DOMESTIC', 3000),
  ('BUSINESS_VOICE', 'CA', 'DOMESTIC', 3000),
  ('BUSINESS_VOICE', 'GB', 'DOMESTIC', 1200),
  ('BUSINESS_VOICE', NULL, 'CONFERENCING_DIAL_OUT', 60),
  ('BUSINESS_VOICE_NO_CALLING_PLAN', NULL, 'CONFERENCING_DIAL_OUT', 60),
  ('AUDIO_CONFERENCING', NULL, 'CONFERENCING_DIAL_OUT', 60),
  ('INTERNATIONAL_CALLING_PLAN', NULL, 'INTERNATIONAL', 600),
  ('DOMESTIC_INTERNATIONAL_CALLING_PLAN', NULL, 'INTERNATIONAL', 600);

INSERT INTO product_allotment (sku, country, pool_kind, minutes)
SELECT p.sku, c.country, 'DOMESTIC', c.minutes
FROM product p
CROSS JOIN (
  SELECT 'US' AS country, 3000 AS minutes UNION ALL SELECT 'CA', 3000 UNION ALL SELECT 'GB', 1200
  UNION ALL SELECT 'AT', 1200 UNION ALL SELECT 'BE', 1200 UNION ALL SELECT 'DE', 1200 UNION ALL SELECT 'DK', 1200
  UNION ALL SELECT 'ES', 1200 UNION ALL SELECT 'FI', 1200 UNION ALL SELECT 'FR', 1200 UNION ALL SELECT 'IE', 1200
  UNION ALL SELECT 'IT', 1200 UNION ALL SELECT 'NL', 1200 UNION ALL SELECT 'PL', 1200 UNION ALL SELECT 'PT', 1200
  UNION ALL SELECT 'SE', 1200
) c
WHERE p.sku IN ('DOMESTIC_CALLING_PLAN', 'DOMESTIC_INTERNATIONAL_CALLING_PLAN');

CREATE TABLE subscription (
  id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id   BIGINT      NOT NULL,
  sku               VARCHAR(64) NOT NULL,
  quantity          INT         NOT NULL,
  status            VARCHAR(16) NOT NULL,
  start_date        DATE        NOT NULL,
  payment_method_id BIGINT      NULL,
  created_at        DATETIME(6) NOT NULL,
  version           BIGINT      NOT NULL DEFAULT 0,
  CONSTRAINT fk_subscription_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_subscription_product FOREIGN KEY (sku) REFERENCES product (sku),
  CONSTRAINT ck_subscription_quantity CHECK (quantity >= 0),
  INDEX ix_subscription_organisation (organisation_id)
) ENGINE = InnoDB;
