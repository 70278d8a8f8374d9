-- R-SUB-1: buying licences is billed. Each product has a monthly list price per licence and
-- currency; every purchase or increase of a quantity writes one subscription_charge (the card
-- payment's gateway reference, or an EA billing line), idempotent by the caller's request key.

CREATE TABLE product_price (
  sku           VARCHAR(64)   NOT NULL,
  currency      CHAR(3)       NOT NULL,
  monthly_price DECIMAL(19,4) NOT NULL,
  PRIMARY KEY (sku, currency),
  CONSTRAINT fk_product_price_product FOREIGN KEY (sku) REFERENCES product (sku),
  CONSTRAINT ck_product_price_not_negative CHECK (monthly_price >= 0)
) ENGINE = InnoDB;

-- the same number in every currency (list prices, per licence and month)
INSERT INTO product_price (sku, currency, monthly_price)
SELECT p.sku, c.currency, p.price
FROM (
  SELECT 'BUSINESS_VOICE' AS sku, 20.00 AS price
  UNION ALL SELECT 'BUSINESS_VOICE_NO_CALLING_PLAN', 15.00
  UNION ALL SELECT 'PHONE_SYSTEM', 8.00
  UNION ALL SELECT 'DOMESTIC_CALLING_PLAN', 12.00
  UNION ALL SELECT 'DOMESTIC_INTERNATIONAL_CALLING_PLAN', 24.00
  UNION ALL SELECT 'INTERNATIONAL_CALLING_PLAN', 12.00
  UNION ALL SELECT 'AUDIO_CONFERENCING', 4.00
  UNION ALL SELECT 'COMMUNICATIONS_CREDITS', 0.00
  UNION ALL SELECT 'TOLL_FREE_NUMBERS', 2.00
) p
CROSS JOIN (
  SELECT 'USD' AS currency UNION ALL SELECT 'CAD' UNION ALL SELECT 'GBP' UNION ALL SELECT 'EUR'
) c;

CREATE TABLE subscription_charge (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id   BIGINT        NOT NULL,
  subscription_id   BIGINT        NOT NULL,
  request_key       VARCHAR(64)   NOT NULL,
  request           VARCHAR(200)  NOT NULL,
  licences          INT           NOT NULL,
  amount            DECIMAL(19,4) NOT NULL,
  currency          CHAR(3)       NOT NULL,
  payment_method_id BIGINT        NULL,
  gateway_reference VARCHAR(100)  NULL,
  occurred_at       DATETIME(6)   NOT NULL,
  CONSTRAINT uq_subscription_charge_key UNIQUE (organisation_id, request_key),
  CONSTRAINT fk_subscription_charge_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_subscription_charge_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id),
  CONSTRAINT fk_subscription_charge_method FOREIGN KEY (payment_method_id) REFERENCES payment_method (id),
  CONSTRAINT ck_subscription_charge_amount CHECK (amount >= 0 AND licences >= 1)
) ENGINE = InnoDB;

CREATE TRIGGER subscription_charge_no_update BEFORE UPDATE ON subscription_charge FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'subscription_charge is append-only';
CREATE TRIGGER subscription_charge_no_delete BEFORE DELETE ON subscription_charge FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'subscription_charge is append-only';

-- An EA line is now either a funding (kind FUNDING) or a licence purchase (kind SUBSCRIPTION).
ALTER TABLE ea_billing_line
  MODIFY funding_id BIGINT NULL,
  ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'FUNDING' AFTER purchase_order,
  ADD COLUMN subscription_charge_id BIGINT NULL AFTER funding_id,
  ADD COLUMN description VARCHAR(200) NULL AFTER subscription_charge_id,
  ADD CONSTRAINT uq_ea_billing_line_subscription_charge UNIQUE (subscription_charge_id),
  ADD CONSTRAINT fk_ea_billing_line_subscription_charge FOREIGN KEY (subscription_charge_id)
    REFERENCES subscription_charge (id),
  ADD CONSTRAINT ck_ea_billing_line_source CHECK (
    (kind = 'FUNDING' AND funding_id IS NOT NULL AND subscription_charge_id IS NULL)
    OR (kind = 'SUBSCRIPTION' AND funding_id IS NULL AND subscription_charge_id IS NOT NULL));
