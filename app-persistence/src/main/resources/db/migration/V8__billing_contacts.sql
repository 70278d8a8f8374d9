-- Settings > Billing notifications: who receives the emails; none listed means the Global and Billing admins.
CREATE TABLE billing_contact (
  organisation_id BIGINT       NOT NULL,
  email           VARCHAR(254) NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (organisation_id, email),
  CONSTRAINT fk_billing_contact_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;
