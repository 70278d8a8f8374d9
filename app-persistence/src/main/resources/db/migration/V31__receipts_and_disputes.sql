-- Receipts and credit notes (R-RECEIPT, R-SEE-3) and disputes of rated calls (R-DISPUTE, R-RATE-7).

-- One counter per organisation and kind of document: locked FOR UPDATE by the transaction that
-- issues a document, last in the wallet package's lock order, so numbers are gap-free (a rolled
-- back transaction gives its number back) and never shared.
CREATE TABLE document_counter (
  organisation_id BIGINT      NOT NULL,
  kind            VARCHAR(16) NOT NULL,
  last_number     BIGINT      NOT NULL,
  PRIMARY KEY (organisation_id, kind),
  CONSTRAINT fk_document_counter_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;

-- A receipt (one per succeeded funding) or a credit note (one per approved dispute), with what it
-- says frozen when it was issued; the seller comes from configuration when it is rendered.
CREATE TABLE billing_document (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id BIGINT        NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  number          BIGINT        NOT NULL,
  funding_id      BIGINT        NULL,
  ledger_entry_id BIGINT        NULL,
  issued_at       DATETIME(6)   NOT NULL,
  amount          DECIMAL(19,4) NOT NULL,
  currency        CHAR(3)       NOT NULL,
  payment_method  VARCHAR(200)  NOT NULL,
  description     VARCHAR(700)  NOT NULL,
  tax_rate        DECIMAL(7,4)  NOT NULL,
  buyer_name      VARCHAR(200)  NOT NULL,
  buyer_country   CHAR(2)       NOT NULL,
  funds_expire_at DATETIME(6)   NULL,
  CONSTRAINT uq_billing_document_number UNIQUE (organisation_id, kind, number),
  CONSTRAINT uq_billing_document_funding UNIQUE (funding_id),
  CONSTRAINT uq_billing_document_entry UNIQUE (kind, ledger_entry_id),
  CONSTRAINT fk_billing_document_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_billing_document_funding FOREIGN KEY (funding_id) REFERENCES funding (id),
  CONSTRAINT fk_billing_document_entry FOREIGN KEY (ledger_entry_id) REFERENCES ledger_entry (id),
  CONSTRAINT ck_billing_document_kind CHECK (kind IN ('RECEIPT', 'CREDIT_NOTE'))
) ENGINE = InnoDB;

CREATE TRIGGER billing_document_no_update BEFORE UPDATE ON billing_document FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'billing_document is append-only';
CREATE TRIGGER billing_document_no_delete BEFORE DELETE ON billing_document FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'billing_document is append-only';

-- Fundings that succeeded before receipts existed get theirs now, numbered in the order they were
-- settled, so every funding has one and the sequence has no gap.
INSERT INTO billing_document (organisation_id, kind, number, funding_id, ledger_entry_id, issued_at,
                              amount, currency, payment_method, description, tax_rate, buyer_name,
                              buyer_country, funds_expire_at)
SELECT f.organisation_id, 'RECEIPT',
       ROW_NUMBER() OVER (PARTITION BY f.organisation_id ORDER BY f.resolved_at, f.id),
       f.id, NULL, f.resolved_at, f.amount, f.currency,
       CASE WHEN pm.kind = 'CARD' THEN CONCAT(COALESCE(pm.card_brand, 'Card'), ' ending ', pm.card_last4)
            ELSE CONCAT('Enterprise Agreement ', pm.ea_number,
                        CASE WHEN f.purchase_order IS NULL THEN '' ELSE CONCAT(', PO ', f.purchase_order) END)
       END,
       'Communications Credits (prepaid)', 0, o.name, o.billing_country, l.expires_at
FROM funding f
JOIN payment_method pm ON pm.id = f.payment_method_id
JOIN organisation o ON o.id = f.organisation_id
LEFT JOIN funding_lot l ON l.id = f.lot_id
WHERE f.status = 'SUCCEEDED';

INSERT INTO document_counter (organisation_id, kind, last_number)
SELECT organisation_id, kind, MAX(number) FROM billing_document GROUP BY organisation_id, kind;

-- A tenant's dispute of a rated call; at most one open per call (open_flag is 1 while OPEN, NULL
-- after), and decided once, by the operator.
CREATE TABLE call_dispute (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation_id   BIGINT        NOT NULL,
  call_record_id    BIGINT        NOT NULL,
  call_id           VARCHAR(100)  NOT NULL,
  charge            DECIMAL(19,4) NOT NULL,
  currency          CHAR(3)       NOT NULL,
  reason            VARCHAR(500)  NOT NULL,
  status            VARCHAR(16)   NOT NULL,
  open_flag         TINYINT       NULL,
  opened_by         VARCHAR(300)  NOT NULL,
  opened_at         DATETIME(6)   NOT NULL,
  decided_by        VARCHAR(300)  NULL,
  decided_at        DATETIME(6)   NULL,
  decision_reason   VARCHAR(500)  NULL,
  decision_key      VARCHAR(100)  NULL,
  refund_entry_id   BIGINT        NULL,
  credit_note_id    BIGINT        NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT uq_call_dispute_open UNIQUE (call_record_id, open_flag),
  CONSTRAINT fk_call_dispute_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_call_dispute_call FOREIGN KEY (call_record_id) REFERENCES call_record (id),
  CONSTRAINT fk_call_dispute_refund FOREIGN KEY (refund_entry_id) REFERENCES ledger_entry (id),
  CONSTRAINT fk_call_dispute_credit_note FOREIGN KEY (credit_note_id) REFERENCES billing_document (id),
  CONSTRAINT ck_call_dispute_status CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED')),
  INDEX ix_call_dispute_status (status, opened_at),
  INDEX ix_call_dispute_org (organisation_id, opened_at)
) ENGINE = InnoDB;

-- An email may carry one document, rendered when it is sent (e.g. 'receipt:<funding id>').
ALTER TABLE notification ADD COLUMN attachment VARCHAR(100) NULL;
