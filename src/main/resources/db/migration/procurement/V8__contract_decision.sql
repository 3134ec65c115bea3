-- The winner's answer to the award (SPEC §4.5, §5.7): it signs the contract, which releases its bid security, or
-- refuses, which forfeits a deposit to the buyer. Set to PENDING on the winning bid at the award; decided once.
-- (The contract itself, with its parties, price and milestones, builds on this in a later issue.)
ALTER TABLE bid ADD COLUMN contract_status VARCHAR(10) CHECK (contract_status IN ('PENDING', 'SIGNED', 'REFUSED'));
