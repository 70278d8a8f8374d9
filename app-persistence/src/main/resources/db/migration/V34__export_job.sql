-- Background exports (issue 14): the job's state is a row every server reads, so the progress page
-- and the download work on any server; the file is <EXPORT_DIR>/<id>.<format>, a directory the
-- servers share. written and updated_at move while the job runs (every thousand rows); a RUNNING
-- row whose updated_at stops moving belongs to a server that died.
CREATE TABLE export_job (
  id              CHAR(36)     NOT NULL,
  organisation_id BIGINT       NOT NULL,
  admin_id        BIGINT       NOT NULL,
  format          VARCHAR(8)   NOT NULL,
  total           BIGINT       NOT NULL,
  written         BIGINT       NOT NULL DEFAULT 0,
  status          VARCHAR(8)   NOT NULL,
  started_at      DATETIME(6)  NOT NULL,
  updated_at      DATETIME(6)  NOT NULL,
  finished_at     DATETIME(6)  NULL,
  PRIMARY KEY (id),
  KEY export_job_finished (finished_at)
) ENGINE = InnoDB;
