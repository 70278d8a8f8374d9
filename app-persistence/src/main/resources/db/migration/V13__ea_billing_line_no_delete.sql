-- EA billing lines are what the customer is invoiced for: append-only like the ledger (R-PAY-3).
-- V3 refused UPDATE only; a DELETE could make an EA funding vanish from its statement.
CREATE TRIGGER ea_billing_line_no_delete BEFORE DELETE ON ea_billing_line FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ea_billing_line is append-only';
