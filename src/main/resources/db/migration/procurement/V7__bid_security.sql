-- Bid security (SPEC §4.5). A lot may require it: a percent of the start price or a fixed amount.
ALTER TABLE lot ADD COLUMN security_kind VARCHAR(10) CHECK (security_kind IN ('PERCENT', 'FIXED'));
ALTER TABLE lot ADD COLUMN security_value NUMERIC(19, 2);
ALTER TABLE lot ADD CONSTRAINT lot_security_complete
    CHECK ((security_kind IS NULL) = (security_value IS NULL) AND (security_value IS NULL OR security_value > 0));

-- How a bid provides it. A deposit is money blocked on the supplier's ledger account (BLOCKED until released or
-- forfeited); a bank guarantee is recorded and waits for the operator's check (PENDING → ACCEPTED or REJECTED).
-- None of this says anything about the bid's price, so it is kept in clear beside the sealed content.
ALTER TABLE bid ADD COLUMN security_form VARCHAR(20) CHECK (security_form IN ('DEPOSIT', 'BANK_GUARANTEE'));
ALTER TABLE bid ADD COLUMN security_amount NUMERIC(19, 2);
ALTER TABLE bid ADD COLUMN security_status VARCHAR(20)
    CHECK (security_status IN ('BLOCKED', 'RELEASED', 'FORFEITED', 'PENDING', 'ACCEPTED', 'REJECTED'));
ALTER TABLE bid ADD COLUMN guarantee_bank VARCHAR(300);
ALTER TABLE bid ADD COLUMN guarantee_number VARCHAR(100);
ALTER TABLE bid ADD COLUMN guarantee_valid_until DATE;
ALTER TABLE bid ADD COLUMN guarantee_checked_reason VARCHAR(1000);
CREATE INDEX bid_guarantee_pending ON bid (submitted_at) WHERE security_status = 'PENDING';
