-- Low-balance alerts (R-GUARD-4): up to three thresholds per wallet; a debit that takes the balance
-- from at or above one to below it emails the billing contacts once (re-armed by going back above).
CREATE TABLE low_balance_alert (
  wallet_id  BIGINT        NOT NULL,
  threshold  DECIMAL(19,4) NOT NULL,
  created_at DATETIME(6)   NOT NULL,
  PRIMARY KEY (wallet_id, threshold),
  CONSTRAINT fk_low_balance_alert_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  CONSTRAINT ck_low_balance_alert_threshold CHECK (threshold > 0)
) ENGINE = InnoDB;
