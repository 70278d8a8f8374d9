-- Rating (R-RATE): published rate cards per currency, toll-free numbers, rated call records.

CREATE TABLE rate_card (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  currency     CHAR(3)      NOT NULL,
  name         VARCHAR(200) NOT NULL,
  published_at DATETIME(6)  NOT NULL,
  CONSTRAINT uq_rate_card_currency UNIQUE (currency)
) ENGINE = InnoDB;

-- longest prefix wins; per_minute and connection_fee in the card's currency
CREATE TABLE rate (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  rate_card_id      BIGINT        NOT NULL,
  call_kind         VARCHAR(24)   NOT NULL,
  prefix            VARCHAR(16)   NOT NULL,
  description       VARCHAR(100)  NOT NULL,
  per_minute        DECIMAL(19,4) NOT NULL,
  connection_fee    DECIMAL(19,4) NOT NULL,
  increment_seconds INT           NOT NULL,
  minimum_seconds   INT           NOT NULL,
  effective_from    DATE          NOT NULL,
  effective_to      DATE          NULL,
  CONSTRAINT fk_rate_card FOREIGN KEY (rate_card_id) REFERENCES rate_card (id),
  CONSTRAINT ck_rate_values CHECK (per_minute >= 0 AND connection_fee >= 0 AND increment_seconds >= 1
                                   AND minimum_seconds >= 0),
  INDEX ix_rate_lookup (rate_card_id, call_kind, prefix)
) ENGINE = InnoDB;

CREATE TABLE toll_free_number (
  id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT      NOT NULL,
  number          VARCHAR(16) NOT NULL,
  created_at      DATETIME(6) NOT NULL,
  CONSTRAINT uq_toll_free_number UNIQUE (number),
  CONSTRAINT fk_toll_free_number_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

INSERT INTO rate_card (currency, name, published_at) VALUES
  ('USD', 'Communications Credits rates (USD)', '2026-01-01 00:00:00'),
  ('CAD', 'Communications Credits rates (CAD)', '2026-01-01 00:00:00'),
  ('GBP', 'Communications Credits rates (GBP)', '2026-01-01 00:00:00'),
  ('EUR', 'Communications Credits rates (EUR)', '2026-01-01 00:00:00');

-- One price list in USD, converted per card at fixed published factors (CAD 1.37, GBP 0.79, EUR 0.92),
-- rounded to 4 decimals: outbound by destination, toll-free inbound by origin, conference dial-out.
CREATE TEMPORARY TABLE price_list (
  call_kind VARCHAR(24), prefix VARCHAR(16), description VARCHAR(100), per_minute DECIMAL(19,4),
  connection_fee DECIMAL(19,4), increment_seconds INT, minimum_seconds INT);
INSERT INTO price_list VALUES
  ('OUTBOUND', '+1', 'United States and Canada', 0.0200, 0.0000, 60, 60),
  ('OUTBOUND', '+44', 'United Kingdom', 0.0300, 0.0000, 60, 60),
  ('OUTBOUND', '+447', 'United Kingdom mobile', 0.1200, 0.0000, 60, 60),
  ('OUTBOUND', '+49', 'Germany', 0.0400, 0.0000, 60, 60),
  ('OUTBOUND', '+4915', 'Germany mobile', 0.1500, 0.0000, 60, 60),
  ('OUTBOUND', '+4916', 'Germany mobile', 0.1500, 0.0000, 60, 60),
  ('OUTBOUND', '+4917', 'Germany mobile', 0.1500, 0.0000, 60, 60),
  ('OUTBOUND', '+33', 'France', 0.0400, 0.0000, 60, 60),
  ('OUTBOUND', '+336', 'France mobile', 0.1400, 0.0000, 60, 60),
  ('OUTBOUND', '+353', 'Ireland', 0.0400, 0.0000, 60, 60),
  ('OUTBOUND', '+31', 'Netherlands', 0.0400, 0.0000, 60, 60),
  ('OUTBOUND', '+34', 'Spain', 0.0400, 0.0000, 60, 60),
  ('OUTBOUND', '+39', 'Italy', 0.0400, 0.0000, 60, 60),
  ('OUTBOUND', '+52', 'Mexico', 0.0900, 0.0000, 60, 60),
  ('OUTBOUND', '+55', 'Brazil', 0.1100, 0.0000, 60, 60),
  ('OUTBOUND', '+61', 'Australia', 0.0500, 0.0000, 60, 60),
  ('OUTBOUND', '+81', 'Japan', 0.0700, 0.0000, 60, 60),
  ('OUTBOUND', '+86', 'China', 0.0600, 0.0000, 60, 60),
  ('OUTBOUND', '+91', 'India', 0.0800, 0.0000, 1, 60),
  ('OUTBOUND', '+971', 'United Arab Emirates', 0.2200, 0.0500, 60, 60),
  ('TOLL_FREE_INBOUND', '+1', 'From the United States and Canada', 0.0300, 0.0000, 60, 60),
  ('TOLL_FREE_INBOUND', '+44', 'From the United Kingdom', 0.0500, 0.0000, 60, 60),
  ('TOLL_FREE_INBOUND', '+447', 'From United Kingdom mobiles', 0.1400, 0.0000, 60, 60),
  ('TOLL_FREE_INBOUND', '+49', 'From Germany', 0.0600, 0.0000, 60, 60),
  ('TOLL_FREE_INBOUND', '+', 'From elsewhere', 0.2500, 0.0000, 60, 60),
  ('CONFERENCE_DIAL_OUT', '+1', 'Dial-out to the United States and Canada', 0.0300, 0.0000, 60, 60),
  ('CONFERENCE_DIAL_OUT', '+44', 'Dial-out to the United Kingdom', 0.0400, 0.0000, 60, 60),
  ('CONFERENCE_DIAL_OUT', '+', 'Dial-out elsewhere', 0.2000, 0.0000, 60, 60),
  ('OUTBOUND', '+', 'Rest of world', 0.3500, 0.0500, 60, 60);

INSERT INTO rate (rate_card_id, call_kind, prefix, description, per_minute, connection_fee, increment_seconds,
                  minimum_seconds, effective_from)
SELECT c.id, p.call_kind, p.prefix, p.description,
       ROUND(p.per_minute * f.factor, 4), ROUND(p.connection_fee * f.factor, 4), p.increment_seconds,
       p.minimum_seconds, '2026-01-01'
FROM price_list p
CROSS JOIN rate_card c
JOIN (SELECT 'USD' AS currency, 1.0000 AS factor UNION ALL SELECT 'CAD', 1.3700 UNION ALL SELECT 'GBP', 0.7900
      UNION ALL SELECT 'EUR', 0.9200) f ON f.currency = c.currency;

DROP TEMPORARY TABLE price_list;
