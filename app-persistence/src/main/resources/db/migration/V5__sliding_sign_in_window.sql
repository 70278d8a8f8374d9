-- Lockout counts the failures of any 15 minutes (a sliding window) instead of a count that restarted
-- 15 minutes after its first failure, which let failures on both sides of that boundary go uncounted.
ALTER TABLE admin_account ADD COLUMN recent_failures VARCHAR(300) NULL;
ALTER TABLE admin_account DROP COLUMN failed_sign_ins;
ALTER TABLE admin_account DROP COLUMN first_failed_at;
