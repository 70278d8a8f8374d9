-- Issue 15: the runway (R-SEE-1, Credits and Home) sums a wallet's CHARGE entries of the last 30
-- days on every view: some 75,000 index entries at a year of calls (25-50 ms on the shared machine
-- even from its covering index, V29). The charges of each UTC day per wallet, kept by a trigger in
-- the inserting transaction, so every writer (charging, rating's JDBC batches, anything later) keeps
-- it exact without knowing it: the 30 days are then 29 whole days from here and the two partial days
-- at the ends from the ledger's index. The ledger is append-only (V3), so only inserts move a day.
CREATE TABLE ledger_charge_daily (
  wallet_id BIGINT        NOT NULL,
  day       DATE          NOT NULL,
  charged   DECIMAL(19,4) NOT NULL,
  entries   BIGINT        NOT NULL,
  PRIMARY KEY (wallet_id, day),
  CONSTRAINT fk_ledger_charge_daily_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id)
) ENGINE = InnoDB;

INSERT INTO ledger_charge_daily (wallet_id, day, charged, entries)
SELECT wallet_id, DATE(occurred_at), -SUM(amount), COUNT(*)
  FROM ledger_entry
 WHERE entry_type = 'CHARGE'
 GROUP BY wallet_id, DATE(occurred_at);

-- a CHARGE entry's amount is negative; the day holds what was charged, positive
CREATE TRIGGER ledger_entry_charge_daily AFTER INSERT ON ledger_entry FOR EACH ROW
  INSERT INTO ledger_charge_daily (wallet_id, day, charged, entries)
  SELECT NEW.wallet_id, DATE(NEW.occurred_at), -NEW.amount, 1 FROM DUAL WHERE NEW.entry_type = 'CHARGE'
  ON DUPLICATE KEY UPDATE charged = charged + VALUES(charged), entries = entries + VALUES(entries);
