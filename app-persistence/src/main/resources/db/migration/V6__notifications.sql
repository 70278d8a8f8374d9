-- The notification outbox (R-NOTIFY-2): written with the event, sent by a retrying sender.
CREATE TABLE notification (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT       NOT NULL,
  event           VARCHAR(40)  NOT NULL,
  dedupe_key      VARCHAR(200) NOT NULL,
  recipients      TEXT         NOT NULL,
  subject         VARCHAR(300) NOT NULL,
  text_body       TEXT         NOT NULL,
  html_body       TEXT         NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(6)  NOT NULL,
  last_error      VARCHAR(300) NULL,
  created_at      DATETIME(6)  NOT NULL,
  sent_at         DATETIME(6)  NULL,
  CONSTRAINT uq_notification_dedupe UNIQUE (organisation_id, dedupe_key),
  CONSTRAINT fk_notification_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  INDEX ix_notification_due (status, next_attempt_at),
  INDEX ix_notification_org_time (organisation_id, created_at)
) ENGINE = InnoDB;
