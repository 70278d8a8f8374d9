-- Issue 15: one user's calls over a period (PSTN usage with a user), at a year of calls. The spend
-- chart groups them by day and kind and the count reads them all: over (organisation, user, start)
-- each of them cost a read of its row (10,000 for a year of one user). The user index now holds
-- the kind and the charge too, so neither reads the rows. The id is named before them so that the
-- index's order stays the keyset pages' order (start, id), as it was with the id InnoDB appends.
-- (The runway's 30-day sum of CHARGE entries is covered since V29: ix_ledger_entry_spend.)
CREATE INDEX ix_call_record_org_user_start_spend
  ON call_record (organisation_id, user_upn, start_at, id, kind, charge);
DROP INDEX ix_call_record_org_user_start ON call_record;
