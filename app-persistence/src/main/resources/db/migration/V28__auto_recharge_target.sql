-- Auto-recharge to a target (R-GUARD-4): FIXED adds recharge_amount each time; TARGET adds what
-- brings the balance to target_balance (within the funding limits). monthly_cap, when set, bounds
-- the money recharged in a calendar month.
ALTER TABLE auto_recharge
  ADD COLUMN mode           VARCHAR(8)    NOT NULL DEFAULT 'FIXED',
  ADD COLUMN target_balance DECIMAL(19,4) NULL,
  ADD COLUMN monthly_cap    DECIMAL(19,4) NULL,
  ADD CONSTRAINT ck_auto_recharge_mode CHECK (mode IN ('FIXED', 'TARGET')
    AND (mode = 'FIXED' OR target_balance IS NOT NULL)
    AND (monthly_cap IS NULL OR monthly_cap > 0));
