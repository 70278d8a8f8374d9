-- The Communications Credits wallet (R-FUND), payment methods (R-PAY-1), EA billing lines (R-PAY-3)
-- and the sandbox payment gateway's own records. Money is DECIMAL(19,4) + CHAR(3).

CREATE TABLE payment_method (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT       NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  card_brand      VARCHAR(32)  NULL,
  card_last4      CHAR(4)      NULL,
  card_exp_month  INT          NULL,
  card_exp_year   INT          NULL,
  gateway_token   VARCHAR(100) NULL,
  ea_number       CHAR(8)      NULL,
  label           VARCHAR(100) NULL,
  created_at      DATETIME(6)  NOT NULL,
  removed_at      DATETIME(6)  NULL,
  CONSTRAINT fk_payment_method_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT ck_payment_method_kind CHECK (
    (kind = 'CARD' AND gateway_token IS NOT NULL AND card_last4 IS NOT NULL AND ea_number IS NULL)
    OR (kind = 'ENTERPRISE_AGREEMENT' AND ea_number IS NOT NULL AND gateway_token IS NULL)),
  INDEX ix_payment_method_organisation (organisation_id)
) ENGINE = InnoDB;

CREATE TABLE wallet (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT        NOT NULL,
  currency        CHAR(3)       NOT NULL,
  balance         DECIMAL(19,4) NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  CONSTRAINT uq_wallet_organisation UNIQUE (organisation_id),
  CONSTRAINT fk_wallet_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

-- a request to add funds, saved under its idempotency key before the payment is attempted
CREATE TABLE funding (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wallet_id           BIGINT        NOT NULL,
  organisation_id     BIGINT        NOT NULL,
  idempotency_key     VARCHAR(100)  NOT NULL,
  request_fingerprint VARCHAR(300)  NOT NULL,
  amount              DECIMAL(19,4) NOT NULL,
  currency            CHAR(3)       NOT NULL,
  source              VARCHAR(32)   NOT NULL,
  payment_method_id   BIGINT        NOT NULL,
  purchase_order      VARCHAR(30)   NULL,
  status              VARCHAR(16)   NOT NULL,
  failure_reason      VARCHAR(300)  NULL,
  gateway_reference   VARCHAR(100)  NULL,
  lot_id              BIGINT        NULL,
  requested_at        DATETIME(6)   NOT NULL,
  resolved_at         DATETIME(6)   NULL,
  actor               VARCHAR(300)  NOT NULL,
  CONSTRAINT uq_funding_key UNIQUE (wallet_id, idempotency_key),
  CONSTRAINT fk_funding_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  CONSTRAINT fk_funding_payment_method FOREIGN KEY (payment_method_id) REFERENCES payment_method (id),
  CONSTRAINT ck_funding_amount CHECK (amount > 0),
  INDEX ix_funding_pending (status, requested_at)
) ENGINE = InnoDB;

CREATE TABLE funding_lot (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wallet_id         BIGINT        NOT NULL,
  amount            DECIMAL(19,4) NOT NULL,
  remaining         DECIMAL(19,4) NOT NULL,
  purchased_at      DATETIME(6)   NOT NULL,
  expires_at        DATETIME(6)   NOT NULL,
  source            VARCHAR(32)   NOT NULL,
  funding_id        BIGINT        NULL,
  payment_reference VARCHAR(100)  NULL,
  expired_at        DATETIME(6)   NULL,
  CONSTRAINT fk_funding_lot_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  CONSTRAINT uq_funding_lot_funding UNIQUE (funding_id),
  CONSTRAINT ck_funding_lot_amounts CHECK (amount > 0 AND remaining >= 0 AND remaining <= amount),
  INDEX ix_funding_lot_open (wallet_id, remaining, expires_at),
  INDEX ix_funding_lot_expiry (expires_at, remaining)
) ENGINE = InnoDB;

-- append-only (triggers below): every movement of money (R-FUND-6)
CREATE TABLE ledger_entry (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wallet_id         BIGINT        NOT NULL,
  entry_type        VARCHAR(16)   NOT NULL,
  amount            DECIMAL(19,4) NOT NULL,
  balance_after     DECIMAL(19,4) NOT NULL,
  currency          CHAR(3)       NOT NULL,
  occurred_at       DATETIME(6)   NOT NULL,
  recorded_at       DATETIME(6)   NOT NULL,
  idempotency_key   VARCHAR(120)  NOT NULL,
  reference         VARCHAR(200)  NULL,
  description       VARCHAR(600)  NOT NULL,
  reverses_entry_id BIGINT        NULL,
  actor             VARCHAR(300)  NOT NULL,
  CONSTRAINT uq_ledger_entry_key UNIQUE (wallet_id, idempotency_key),
  CONSTRAINT fk_ledger_entry_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  CONSTRAINT fk_ledger_entry_reverses FOREIGN KEY (reverses_entry_id) REFERENCES ledger_entry (id),
  CONSTRAINT uq_ledger_entry_reversal UNIQUE (reverses_entry_id),
  INDEX ix_ledger_entry_wallet_time (wallet_id, occurred_at, id),
  INDEX ix_ledger_entry_wallet_recorded (wallet_id, recorded_at, id)
) ENGINE = InnoDB;

-- append-only: which lot paid which part of an entry; a NULL lot is the part that went below zero
CREATE TABLE lot_allocation (
  id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wallet_id BIGINT        NOT NULL,
  entry_id  BIGINT        NOT NULL,
  lot_id    BIGINT        NULL,
  amount    DECIMAL(19,4) NOT NULL,
  CONSTRAINT fk_lot_allocation_entry FOREIGN KEY (entry_id) REFERENCES ledger_entry (id),
  CONSTRAINT fk_lot_allocation_lot FOREIGN KEY (lot_id) REFERENCES funding_lot (id),
  INDEX ix_lot_allocation_entry (entry_id),
  INDEX ix_lot_allocation_lot (lot_id)
) ENGINE = InnoDB;

CREATE TABLE ea_billing_line (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id   BIGINT        NOT NULL,
  payment_method_id BIGINT        NOT NULL,
  ea_number         CHAR(8)       NOT NULL,
  purchase_order    VARCHAR(30)   NULL,
  funding_id        BIGINT        NOT NULL,
  amount            DECIMAL(19,4) NOT NULL,
  currency          CHAR(3)       NOT NULL,
  occurred_at       DATETIME(6)   NOT NULL,
  CONSTRAINT uq_ea_billing_line_funding UNIQUE (funding_id),
  CONSTRAINT fk_ea_billing_line_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_ea_billing_line_funding FOREIGN KEY (funding_id) REFERENCES funding (id),
  INDEX ix_ea_billing_line_statement (organisation_id, ea_number, purchase_order, occurred_at)
) ENGINE = InnoDB;

-- The sandbox gateway's own books: what a real gateway would keep on its side.
CREATE TABLE sandbox_card (
  token      VARCHAR(100) NOT NULL PRIMARY KEY,
  brand      VARCHAR(32)  NOT NULL,
  last4      CHAR(4)      NOT NULL,
  exp_month  INT          NOT NULL,
  exp_year   INT          NOT NULL,
  behaviour  VARCHAR(32)  NOT NULL,
  created_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB;

CREATE TABLE sandbox_payment (
  idempotency_key VARCHAR(120)  NOT NULL PRIMARY KEY,
  token           VARCHAR(100)  NOT NULL,
  amount          DECIMAL(19,4) NOT NULL,
  currency        CHAR(3)       NOT NULL,
  outcome         VARCHAR(16)   NOT NULL,
  reference       VARCHAR(100)  NOT NULL,
  message         VARCHAR(300)  NOT NULL,
  created_at      DATETIME(6)   NOT NULL
) ENGINE = InnoDB;

-- Append-only, enforced by the database itself.
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only';
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only';
CREATE TRIGGER lot_allocation_no_update BEFORE UPDATE ON lot_allocation FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lot_allocation is append-only';
CREATE TRIGGER lot_allocation_no_delete BEFORE DELETE ON lot_allocation FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lot_allocation is append-only';
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';
CREATE TRIGGER ea_billing_line_no_update BEFORE UPDATE ON ea_billing_line FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ea_billing_line is append-only';
