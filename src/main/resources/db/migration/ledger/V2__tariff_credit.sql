-- A credit gives platform revenue back to an organization's available money: the unused days of a tariff plan that
-- an upgrade replaced before its end (billing computes the amount; the posting's memo names plan, invoice and days).
ALTER TABLE ledger_posting DROP CONSTRAINT ledger_posting_kind_check;
ALTER TABLE ledger_posting ADD CONSTRAINT ledger_posting_kind_check
    CHECK (kind IN ('TOP_UP', 'CHARGE', 'BLOCK', 'RELEASE', 'FORFEIT', 'CREDIT'));
