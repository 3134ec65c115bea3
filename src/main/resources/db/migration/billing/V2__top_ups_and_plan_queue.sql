-- Top-up invoices, payment from the available balance, and plans that queue or replace one another (SPEC §4.3).

-- An invoice either pays for a subscription (TARIFF) or asks for money to be put on the organization's account
-- (TOP_UP, no subscription): the operator records its payment as any other, and the ledger is credited.
ALTER TABLE invoice ALTER COLUMN subscription_id DROP NOT NULL;
ALTER TABLE invoice ADD COLUMN purpose VARCHAR(20) NOT NULL DEFAULT 'TARIFF'
    CONSTRAINT invoice_purpose_check CHECK (purpose IN ('TARIFF', 'TOP_UP'));
ALTER TABLE invoice ALTER COLUMN purpose DROP DEFAULT;
ALTER TABLE invoice ADD CONSTRAINT invoice_purpose_subscription
    CHECK ((purpose = 'TARIFF') = (subscription_id IS NOT NULL));

-- BALANCE: a tariff invoice paid by the organization from its available money on the platform.
ALTER TABLE invoice_payment DROP CONSTRAINT invoice_payment_channel_check;
ALTER TABLE invoice_payment ADD CONSTRAINT invoice_payment_channel_check
    CHECK (channel IN ('OPERATOR', 'PROVIDER', 'BALANCE'));

-- An upgrade ends the plan in effect at the moment the upgrade is paid; when that is the very moment the plan
-- started, its period is empty (ends_at = starts_at) and it is credited in full.
ALTER TABLE subscription DROP CONSTRAINT subscription_check;
ALTER TABLE subscription ADD CONSTRAINT subscription_active_period
    CHECK ((status = 'ACTIVE') = (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at >= starts_at));
