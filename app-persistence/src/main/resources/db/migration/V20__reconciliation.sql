-- The nightly reconciliation (R-RECON-1..3): its runs, what they found, and each wallet's checkpoint.
-- Findings are reports: nothing here ever corrects the data it describes.

CREATE TABLE reconciliation_run (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mode             VARCHAR(16)  NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  started_by       VARCHAR(300) NOT NULL,
  -- the business date a timer run is for: two timers firing for the same night make one run
  timer_date       DATE         NULL,
  -- 1 while the run is going, NULL once it ended: at most one run at a time, on any server
  running_flag     TINYINT      NULL,
  job_execution_id BIGINT       NULL,
  started_at       DATETIME(6)  NOT NULL,
  finished_at      DATETIME(6)  NULL,
  partitions_total INT          NOT NULL DEFAULT 0,
  partitions_done  INT          NOT NULL DEFAULT 0,
  wallets_checked  BIGINT       NOT NULL DEFAULT 0,
  entries_checked  BIGINT       NOT NULL DEFAULT 0,
  lots_expired     INT          NOT NULL DEFAULT 0,
  payments_settled INT          NOT NULL DEFAULT 0,
  findings         INT          NOT NULL DEFAULT 0,
  error            VARCHAR(600) NULL,
  CONSTRAINT uq_reconciliation_run_timer UNIQUE (timer_date),
  CONSTRAINT uq_reconciliation_run_running UNIQUE (running_flag),
  CONSTRAINT ck_reconciliation_run_flag CHECK (running_flag IS NULL OR running_flag = 1),
  INDEX ix_reconciliation_run_started (started_at)
) ENGINE = InnoDB;

CREATE TABLE reconciliation_finding (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  run_id          BIGINT        NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  organisation_id BIGINT        NULL,
  wallet_id       BIGINT        NULL,
  -- what the finding is about, e.g. "lot:12" or "call:34,entry:56"; unique per run and kind, so a
  -- restarted partition writing the same finding again adds nothing
  subject         VARCHAR(200)  NOT NULL,
  expected        VARCHAR(100)  NULL,
  actual          VARCHAR(100)  NULL,
  detail          VARCHAR(600)  NOT NULL,
  found_at        DATETIME(6)   NOT NULL,
  CONSTRAINT uq_reconciliation_finding UNIQUE (run_id, kind, subject),
  CONSTRAINT fk_reconciliation_finding_run FOREIGN KEY (run_id) REFERENCES reconciliation_run (id),
  INDEX ix_reconciliation_finding_org (organisation_id, run_id)
) ENGINE = InnoDB;

-- per wallet: the last ledger entry verified and the sums up to it, so an incremental run verifies
-- only what came after (R-RECON-2)
CREATE TABLE reconciliation_checkpoint (
  wallet_id      BIGINT        NOT NULL PRIMARY KEY,
  run_id         BIGINT        NOT NULL,
  last_entry_id  BIGINT        NOT NULL,
  ledger_sum     DECIMAL(19,4) NOT NULL,
  balance        DECIMAL(19,4) NOT NULL,
  lot_remainders DECIMAL(19,4) NOT NULL,
  entries        BIGINT        NOT NULL,
  matched        BOOLEAN       NOT NULL,
  checked_at     DATETIME(6)   NOT NULL,
  CONSTRAINT fk_reconciliation_checkpoint_wallet FOREIGN KEY (wallet_id) REFERENCES wallet (id)
) ENGINE = InnoDB;

-- the cross-check "every call charge belongs to a call record" looks calls up by their entry
CREATE INDEX ix_call_record_entry ON call_record (ledger_entry_id);
