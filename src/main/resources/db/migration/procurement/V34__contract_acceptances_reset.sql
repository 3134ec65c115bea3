-- When a change of the milestones last withdrew the acceptances given (issue 17): the contract page says so and
-- both sides are asked to accept again.
ALTER TABLE contract ADD COLUMN acceptances_reset_at TIMESTAMPTZ;
