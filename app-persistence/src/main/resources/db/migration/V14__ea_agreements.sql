-- Enterprise Agreements are provisioned by the operator, not typed by a customer (R-PAY-1): an organisation can
-- add an EA payment method only for a number registered here for it, and its EA fundings in a calendar month
-- (the organisation's zone) may not exceed the agreement's monthly credit limit.
CREATE TABLE ea_agreement (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT        NOT NULL,
  ea_number       CHAR(8)       NOT NULL,
  customer        VARCHAR(200)  NOT NULL,
  monthly_limit   DECIMAL(19,4) NOT NULL,
  currency        CHAR(3)       NOT NULL,
  registered_at   DATETIME(6)   NOT NULL,
  registered_by   VARCHAR(300)  NOT NULL,
  CONSTRAINT uq_ea_agreement_number UNIQUE (organisation_id, ea_number),
  CONSTRAINT fk_ea_agreement_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT ck_ea_agreement_limit CHECK (monthly_limit > 0)
) ENGINE = InnoDB;
