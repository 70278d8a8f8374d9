-- Issue 15: indexes that answer two page reads from the index alone, at a year of calls.

-- The runway forecast (Credits and Home, R-SEE-1) sums the wallet's CHARGE entries of the last 30
-- days on every view: some 75,000 entries at a year of calls. Over (wallet, occurred_at, id) each
-- one cost a read of its row for the type and amount; this index holds both, so the sum is one
-- range of index entries and stays exactly the ledger's sum.
CREATE INDEX ix_ledger_entry_wallet_type_time ON ledger_entry (wallet_id, entry_type, occurred_at, amount);

-- One user's calls over a period (PSTN usage with a user): the spend chart groups them by day and
-- kind and the count reads them all. The user index now holds the kind and the charge too, so
-- neither reads the rows (10,000 of them for a year of one user). The id is named before them so
-- that the index's order stays the pages' order (start, id), as it was with the id InnoDB appends.
CREATE INDEX ix_call_record_org_user_start_spend
  ON call_record (organisation_id, user_upn, start_at, id, kind, charge);
DROP INDEX ix_call_record_org_user_start ON call_record;
