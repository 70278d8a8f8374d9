-- The spend chart (R-REP-3) sums the charges of a period per day and call kind: an index that also holds the
-- kind and the charge answers it from the index alone. It starts with the columns of ix_call_record_org_start,
-- which it replaces (the organisation's foreign key is served by it too).
CREATE INDEX ix_call_record_spend ON call_record (organisation_id, start_at, kind, charge);
DROP INDEX ix_call_record_org_start ON call_record;
