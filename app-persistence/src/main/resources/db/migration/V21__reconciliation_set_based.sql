-- The reconciliation checks wallets a range at a time with set-based sums (R-RECON-2): these indexes
-- cover them, so a run reads index entries in order instead of fetching ledger rows one by one.
-- Per wallet: the ledger's sum, count and last id (also the loose "last entry per wallet" scan of an
-- incremental run).
CREATE INDEX ix_ledger_entry_wallet_id_amount ON ledger_entry (wallet_id, id, amount);
-- Per lot: the sum of its allocations. It starts with lot_id, so it also serves the foreign key and
-- replaces the single-column index.
CREATE INDEX ix_lot_allocation_lot_amount ON lot_allocation (lot_id, amount);
DROP INDEX ix_lot_allocation_lot ON lot_allocation;

-- An incremental run cross-checks only the rows written since the last completed run: each run keeps
-- the highest id it has fully cross-checked per table, and the instant those marks stand for (rows
-- whose timestamp is older than it are committed, so none with a lower id can still appear).
ALTER TABLE reconciliation_run
  ADD COLUMN marks_at   DATETIME(6) NULL,
  ADD COLUMN call_mark  BIGINT      NULL,
  ADD COLUMN entry_mark BIGINT      NULL,
  ADD COLUMN funding_mark BIGINT    NULL,
  ADD COLUMN lot_mark   BIGINT      NULL;
