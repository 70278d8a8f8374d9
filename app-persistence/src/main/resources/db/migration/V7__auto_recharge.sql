-- Auto-recharge (R-RECH): settings per wallet and the recharge attempts, at most one in flight per wallet.
CREATE TABLE auto_recharge (
  wallet_id            BIGINT        NOT NULL PRIMARY KEY,
  enabled              BOOLEAN       NOT NULL,
  recharge_amount      DECIMAL(19,4) NOT NULL,
  trigger_below        DECIMAL(19,4) NOT NULL,
  payment_method_id    BIGINT        NOT NULL,
  purchase_order       VARCHAR(30)   NULL,
  consecutive_failures INT           NOT NULL DEFAULT 0,
  suspended_at         DATETIME(6)   NULL,
  updated_at           DATETIME(6)   NOT NULL,
  CONSTRAINT fk_auto_recharge_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  CONSTRAINT fk_auto_recharge_method FOREIGN KEY (payment_method_id) REFERENCES payment_method (id),
  CONSTRAINT ck_auto_recharge_amounts CHECK (recharge_amount >= 10 AND trigger_below >= 0)
) ENGINE = InnoDB;

CREATE TABLE recharge_attempt (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wallet_id         BIGINT        NOT NULL,
  status            VARCHAR(16)   NOT NULL,
  amount            DECIMAL(19,4) NOT NULL,
  payment_method_id BIGINT        NOT NULL,
  purchase_order    VARCHAR(30)   NULL,
  created_at        DATETIME(6)   NOT NULL,
  finished_at       DATETIME(6)   NULL,
  failure_reason    VARCHAR(300)  NULL,
  funding_id        BIGINT        NULL,
  -- 1 while PENDING or PROCESSING, NULL after: the unique key allows one attempt in flight per wallet
  in_flight         TINYINT       NULL,
  CONSTRAINT uq_recharge_attempt_in_flight UNIQUE (wallet_id, in_flight),
  CONSTRAINT fk_recharge_attempt_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  INDEX ix_recharge_attempt_wallet_time (wallet_id, created_at),
  INDEX ix_recharge_attempt_status (status, created_at)
) ENGINE = InnoDB;
