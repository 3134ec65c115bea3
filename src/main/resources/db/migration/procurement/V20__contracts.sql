-- Contracts (SPEC §5.7): one per awarded lot (or per framework call-off), with the parties' requisites as they were
-- when it was drafted, the price, and the delivery milestones the buyer drafts. Both sides accept it; it is ACTIVE
-- once both have accepted the same terms, COMPLETED once every milestone is delivered.
CREATE TABLE contract (
    id                      UUID PRIMARY KEY,
    procedure_id            UUID           NOT NULL REFERENCES procedure (id),
    lot_id                  UUID           NOT NULL REFERENCES lot (id),
    bid_id                  UUID           REFERENCES bid (id),
    call_off_id             UUID,
    buyer_id                UUID           NOT NULL,
    supplier_id             UUID           NOT NULL,
    buyer_party             JSONB          NOT NULL,
    supplier_party          JSONB          NOT NULL,
    subject                 VARCHAR(1000)  NOT NULL,
    quantity                NUMERIC(19, 3) NOT NULL,
    unit                    VARCHAR(40)    NOT NULL,
    price                   NUMERIC(19, 2) NOT NULL,
    currency                CHAR(3)        NOT NULL,
    signature_required      BOOLEAN        NOT NULL,
    status                  VARCHAR(20)    NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'REFUSED')),
    buyer_accepted_at       TIMESTAMPTZ,
    buyer_accepted_by       UUID,
    buyer_signed_document   UUID,
    supplier_accepted_at    TIMESTAMPTZ,
    supplier_accepted_by    UUID,
    supplier_signed_document UUID,
    activated_at            TIMESTAMPTZ,
    completed_at            TIMESTAMPTZ,
    created_at              TIMESTAMPTZ    NOT NULL,
    version                 BIGINT         NOT NULL DEFAULT 0
);
-- One contract per awarded lot; call-offs of a framework make one each.
CREATE UNIQUE INDEX contract_one_per_lot ON contract (lot_id) WHERE call_off_id IS NULL;
CREATE UNIQUE INDEX contract_one_per_call_off ON contract (call_off_id) WHERE call_off_id IS NOT NULL;
CREATE INDEX contract_buyer ON contract (buyer_id, created_at DESC);
CREATE INDEX contract_supplier ON contract (supplier_id, created_at DESC);

CREATE TABLE contract_milestone (
    id            UUID PRIMARY KEY,
    contract_id   UUID           NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
    number        INT            NOT NULL,
    description   VARCHAR(2000)  NOT NULL,
    quantity      NUMERIC(19, 3),
    share_percent NUMERIC(5, 2),
    due_date      DATE           NOT NULL,
    delivered_on  DATE,
    on_time       BOOLEAN,
    CHECK ((quantity IS NULL) <> (share_percent IS NULL)),
    UNIQUE (contract_id, number)
);

-- The settings of tender kinds built here (two envelopes, re-bidding, framework, alternatives): stored rows get the
-- switches off, so that every row carries every setting the record reads.
ALTER TABLE procedure ALTER COLUMN settings SET DEFAULT
    '{"signatureRequired": false, "twoEnvelope": false, "rebidding": false, "frameworkSize": 0, "alternativesAllowed": false}';
UPDATE procedure SET settings =
    '{"twoEnvelope": false, "rebidding": false, "frameworkSize": 0, "alternativesAllowed": false}'::jsonb || settings;
