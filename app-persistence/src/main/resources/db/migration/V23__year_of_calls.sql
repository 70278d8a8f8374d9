-- Issue 15: pages at a year of calls (1,000,000 call records for one organisation).

-- The spend of each hour (UTC) per organisation and call kind, written by rating in the batch's
-- transaction (the organisation's row is locked first, so one writer at a time per organisation).
-- Hours rather than days: a day of any zone whose offset is whole hours is a sum of 24 of them, so
-- the charts and the report's totals read a few thousand rows instead of a year of calls, whatever
-- the organisation's time zone (and a change of it). The nightly reconciliation checks it against
-- the call records (DAILY_TOTAL_MISMATCH).
CREATE TABLE call_spend_hourly (
  organisation_id BIGINT        NOT NULL,
  hour            DATETIME      NOT NULL,
  kind            VARCHAR(24)   NOT NULL,
  calls           BIGINT        NOT NULL,
  charge          DECIMAL(19,4) NOT NULL,
  PRIMARY KEY (organisation_id, hour, kind),
  CONSTRAINT fk_call_spend_hourly_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

INSERT INTO call_spend_hourly (organisation_id, hour, kind, calls, charge)
SELECT organisation_id, DATE_FORMAT(start_at, '%Y-%m-%d %H:00:00'), kind, COUNT(*), SUM(charge)
  FROM call_record
 GROUP BY organisation_id, DATE_FORMAT(start_at, '%Y-%m-%d %H:00:00'), kind;

-- The report's newest-first pages (start, then id: InnoDB appends the id to the index) and one
-- user's calls over a period.
CREATE INDEX ix_call_record_org_start ON call_record (organisation_id, start_at);
CREATE INDEX ix_call_record_org_user_start ON call_record (organisation_id, user_upn, start_at);

-- The ledger newest first by id, per wallet (keyset pages: id < ? ORDER BY id DESC).
CREATE INDEX ix_ledger_entry_wallet_id ON ledger_entry (wallet_id, id);
