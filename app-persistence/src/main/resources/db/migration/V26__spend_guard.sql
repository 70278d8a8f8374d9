-- Spend guard (R-GUARD): per-user monthly caps, the counters authorisation reads them against, the
-- organisation's international toll-fraud brake with its per-minute spend buckets, and its trips.
-- The counters and buckets are written only by rating, under the wallet's lock (lock order in the
-- wallet package-info), in the transaction that charges the calls.

CREATE TABLE user_spend_limit (
  user_id             BIGINT        NOT NULL PRIMARY KEY,
  organisation_id     BIGINT        NOT NULL,
  monthly_cap         DECIMAL(19,4) NULL,
  international_cap   DECIMAL(19,4) NULL,
  updated_at          DATETIME(6)   NOT NULL,
  CONSTRAINT fk_user_spend_limit_user FOREIGN KEY (user_id) REFERENCES directory_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_spend_limit_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT ck_user_spend_limit_caps CHECK ((monthly_cap IS NULL OR monthly_cap >= 0)
    AND (international_cap IS NULL OR international_cap >= 0))
) ENGINE = InnoDB;

-- month is the calendar month of the call's start in the organisation's time zone (as the pools)
CREATE TABLE user_month_spend (
  user_id              BIGINT        NOT NULL,
  month                CHAR(7)       NOT NULL,
  organisation_id      BIGINT        NOT NULL,
  spend                DECIMAL(19,4) NOT NULL,
  international_spend  DECIMAL(19,4) NOT NULL,
  call_seconds         BIGINT        NOT NULL,
  calls                BIGINT        NOT NULL,
  PRIMARY KEY (user_id, month),
  CONSTRAINT fk_user_month_spend_user FOREIGN KEY (user_id) REFERENCES directory_user (id) ON DELETE CASCADE,
  INDEX ix_user_month_spend_org (organisation_id, month)
) ENGINE = InnoDB;

-- international wallet spend per organisation and UTC minute of the call's end: a rolling hour sums
-- at most 60 rows, a rolling day at most 1,440
CREATE TABLE international_spend_minute (
  organisation_id BIGINT        NOT NULL,
  minute_at       DATETIME      NOT NULL,
  amount          DECIMAL(19,4) NOT NULL,
  PRIMARY KEY (organisation_id, minute_at)
) ENGINE = InnoDB;

-- a row per organisation; no row reads as the default (200.00 per hour, 1,000.00 per 24 hours);
-- a NULL limit is off
CREATE TABLE spend_control (
  organisation_id           BIGINT        NOT NULL PRIMARY KEY,
  international_per_hour    DECIMAL(19,4) NULL,
  international_per_day     DECIMAL(19,4) NULL,
  updated_at                DATETIME(6)   NOT NULL,
  CONSTRAINT fk_spend_control_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT ck_spend_control_limits CHECK ((international_per_hour IS NULL OR international_per_hour > 0)
    AND (international_per_day IS NULL OR international_per_day > 0))
) ENGINE = InnoDB;

INSERT INTO spend_control (organisation_id, international_per_hour, international_per_day, updated_at)
SELECT w.organisation_id, 200.0000, 1000.0000, UTC_TIMESTAMP(6) FROM wallet w;

-- one row per trip of the brake: the window that went over its limit
CREATE TABLE spend_brake_trip (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT        NOT NULL,
  window_kind     VARCHAR(8)    NOT NULL,
  limit_amount    DECIMAL(19,4) NOT NULL,
  spent           DECIMAL(19,4) NOT NULL,
  window_from     DATETIME(6)   NOT NULL,
  tripped_at      DATETIME(6)   NOT NULL,
  CONSTRAINT fk_spend_brake_trip_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT ck_spend_brake_trip_window CHECK (window_kind IN ('HOUR', 'DAY')),
  INDEX ix_spend_brake_trip_org (organisation_id, tripped_at)
) ENGINE = InnoDB;
