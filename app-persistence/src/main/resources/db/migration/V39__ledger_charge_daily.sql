-- Issue 15: the runway (R-SEE-1, Credits and Home) sums a wallet's CHARGE entries of the last 30
-- days on every view: some 75,000 index entries at a year of calls (25-50 ms on the shared machine
-- even from its covering index, V29). The charges of each UTC day per wallet, written with the
-- entries in their transaction by the ledger repository's two writers (one entry, or a batch: one
-- upsert per wallet and day), under the wallet's lock: the 30 days are then 29 whole days from here
-- and the two partial days at the ends from the ledger's index. The nightly reconciliation checks
-- it against the entries (DAILY_TOTAL_MISMATCH). (A trigger per inserted row kept it too, but cost
-- a row-by-row upsert on every entry: seeding a year of calls took twice as long.)
CREATE TABLE ledger_charge_daily (
  wallet_id BIGINT        NOT NULL,
  day       DATE          NOT NULL,
  charged   DECIMAL(19,4) NOT NULL,
  entries   BIGINT        NOT NULL,
  PRIMARY KEY (wallet_id, day),
  CONSTRAINT fk_ledger_charge_daily_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id)
) ENGINE = InnoDB;

-- a CHARGE entry's amount is negative; the day holds what was charged, positive
INSERT INTO ledger_charge_daily (wallet_id, day, charged, entries)
SELECT wallet_id, DATE(occurred_at), -SUM(amount), COUNT(*)
  FROM ledger_entry
 WHERE entry_type = 'CHARGE'
 GROUP BY wallet_id, DATE(occurred_at);
