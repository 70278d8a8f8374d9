-- Foresight (R-SEE-1): the runway sums a wallet's charges of the last 30 days in one statement that
-- reads only this index (wallet, type and time range, the amount in the index itself).
CREATE INDEX ix_ledger_entry_spend ON ledger_entry (wallet_id, entry_type, occurred_at, amount);

-- The runway email: the number of days the admin chose and whether the runway is below it now, so
-- the email goes once per crossing and is re-armed when the runway is back above. No row: 14 days,
-- not below.
CREATE TABLE runway_alert (
  wallet_id      BIGINT      NOT NULL PRIMARY KEY,
  threshold_days INT         NOT NULL,
  below          BOOLEAN     NOT NULL DEFAULT FALSE,
  updated_at     DATETIME(6) NOT NULL,
  CONSTRAINT fk_runway_alert_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id),
  CONSTRAINT ck_runway_alert_days CHECK (threshold_days BETWEEN 1 AND 365)
) ENGINE = InnoDB;
