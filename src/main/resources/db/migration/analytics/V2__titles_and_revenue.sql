-- A lot row keeps its procedure's title, so that savings per procedure and the red-flag lists name the procedure
-- (the read model is filled from procurement's disclosure, which carries the title; no other table is read).
ALTER TABLE analytics_lot ADD COLUMN title TEXT NOT NULL DEFAULT '';

-- The platform's tariff revenue (SPEC §9, operator dashboard): one row per ledger charge of a tariff, written from
-- the ledger's PostingRecorded events and by the rebuild through the ledger's charge history.
CREATE TABLE analytics_revenue (
    posting_id      UUID PRIMARY KEY,
    organization_id UUID           NOT NULL,
    charged_at      TIMESTAMPTZ    NOT NULL,
    amount          NUMERIC(19, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    refreshed_at    TIMESTAMPTZ    NOT NULL DEFAULT clock_timestamp(),
    demo            BOOLEAN        NOT NULL DEFAULT FALSE
);
CREATE INDEX analytics_revenue_charged ON analytics_revenue (charged_at);
