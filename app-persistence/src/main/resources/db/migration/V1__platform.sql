-- The platform: organisations, admins and their roles, API keys, the audit log.
-- Instants are UTC DATETIME(6); money columns (later) are DECIMAL(19,4) + CHAR(3).

CREATE TABLE organisation (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  billing_country CHAR(2)      NOT NULL,
  currency        CHAR(3)      NOT NULL,
  time_zone       VARCHAR(64)  NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  CONSTRAINT uq_organisation_name UNIQUE (name),
  CONSTRAINT ck_organisation_currency CHECK (currency IN ('USD', 'CAD', 'GBP', 'EUR'))
) ENGINE = InnoDB;

CREATE TABLE admin_account (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT       NOT NULL,
  email           VARCHAR(254) NOT NULL,
  display_name    VARCHAR(200) NOT NULL,
  password_hash   VARCHAR(255) NOT NULL,
  enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
  failed_sign_ins INT          NOT NULL DEFAULT 0,
  first_failed_at DATETIME(6)  NULL,
  locked_until    DATETIME(6)  NULL,
  last_sign_in_at DATETIME(6)  NULL,
  created_at      DATETIME(6)  NOT NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_admin_account_email UNIQUE (email),
  CONSTRAINT fk_admin_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

CREATE TABLE admin_account_role (
  admin_account_id BIGINT      NOT NULL,
  role             VARCHAR(32) NOT NULL,
  PRIMARY KEY (admin_account_id, role),
  CONSTRAINT fk_admin_account_role_account FOREIGN KEY (admin_account_id) REFERENCES admin_account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE api_key (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT       NOT NULL,
  name            VARCHAR(100) NOT NULL,
  key_prefix      VARCHAR(16)  NOT NULL,
  key_hash        CHAR(64)     NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  created_by      VARCHAR(300) NOT NULL,
  revoked_at      DATETIME(6)  NULL,
  revoked_by      VARCHAR(300) NULL,
  last_used_at    DATETIME(6)  NULL,
  CONSTRAINT uq_api_key_hash UNIQUE (key_hash),
  CONSTRAINT fk_api_key_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  INDEX ix_api_key_organisation (organisation_id)
) ENGINE = InnoDB;

CREATE TABLE api_key_role (
  api_key_id BIGINT      NOT NULL,
  role       VARCHAR(32) NOT NULL,
  PRIMARY KEY (api_key_id, role),
  CONSTRAINT fk_api_key_role_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- append-only: the application has no UPDATE or DELETE path for this table
CREATE TABLE audit_entry (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT       NOT NULL,
  occurred_at     DATETIME(6)  NOT NULL,
  actor_type      VARCHAR(16)  NOT NULL,
  actor_id        BIGINT       NOT NULL,
  actor_name      VARCHAR(300) NOT NULL,
  action          VARCHAR(64)  NOT NULL,
  target_type     VARCHAR(64)  NULL,
  target_id       VARCHAR(300) NULL,
  summary         VARCHAR(500) NOT NULL,
  before_state    TEXT         NULL,
  after_state     TEXT         NULL,
  CONSTRAINT fk_audit_entry_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  INDEX ix_audit_entry_organisation_time (organisation_id, occurred_at, id),
  INDEX ix_audit_entry_organisation_action (organisation_id, action, occurred_at)
) ENGINE = InnoDB;

CREATE TABLE directory_user (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT       NOT NULL,
  display_name    VARCHAR(256) NOT NULL,
  upn             VARCHAR(254) NOT NULL,
  usage_location  CHAR(2)      NOT NULL,
  state           VARCHAR(16)  NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  version         BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT uq_directory_user_upn UNIQUE (organisation_id, upn),
  CONSTRAINT fk_directory_user_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  INDEX ix_directory_user_name (organisation_id, display_name)
) ENGINE = InnoDB;
