-- Cashback spent with its seller: the client's admin turns (part of) its cashback credit into a credit note the
-- seller owes it, settled outside the platform like a money-credit reward. Such a redemption takes from the CREDIT
-- balance and names no reward; a reward's redemption takes points.
ALTER TABLE loyalty_redemption ALTER COLUMN reward_id DROP NOT NULL;
ALTER TABLE loyalty_redemption ADD COLUMN unit VARCHAR(10) NOT NULL DEFAULT 'POINTS'
    CONSTRAINT loyalty_redemption_unit CHECK (unit IN ('POINTS', 'CREDIT'));
ALTER TABLE loyalty_redemption ADD CONSTRAINT loyalty_redemption_what CHECK (
    (unit = 'POINTS' AND reward_id IS NOT NULL)
    OR (unit = 'CREDIT' AND reward_id IS NULL AND points = 0 AND credit_amount > 0));
