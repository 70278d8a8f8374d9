-- Rate cards are the operator's, not a customer's (R-RATE-1): every Global admin may read them, only the Global
-- admins of an organisation that publishes rates may replace one. The operator sets this flag on its own
-- organisation (UPDATE organisation SET publishes_rates = TRUE WHERE name = '...').
ALTER TABLE organisation ADD COLUMN publishes_rates BOOLEAN NOT NULL DEFAULT FALSE;
