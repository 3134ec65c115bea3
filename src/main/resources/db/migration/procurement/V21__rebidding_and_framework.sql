-- Protocols of more stages (envelope openings, re-bidding rounds per lot): the kind is a code, no longer one of three.
ALTER TABLE protocol DROP CONSTRAINT IF EXISTS protocol_kind_check;
ALTER TABLE protocol ALTER COLUMN kind TYPE VARCHAR(40);
ALTER TABLE protocol ADD CONSTRAINT protocol_kind_code CHECK (kind ~ '^[A-Z][A-Z0-9_-]*$');

-- A re-bidding round of a lot (SPEC §5.1 item 6): one per lot, after evaluation, until its deadline.
CREATE TABLE rebidding_round (
    lot_id       UUID PRIMARY KEY REFERENCES lot (id),
    procedure_id UUID        NOT NULL REFERENCES procedure (id),
    deadline     TIMESTAMPTZ NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    started_by   UUID        NOT NULL,
    closed_at    TIMESTAMPTZ
);

-- An admitted bidder's improved price in the round; the buyer reads it only once the round's deadline has passed.
CREATE TABLE rebid (
    bid_id       UUID PRIMARY KEY REFERENCES bid (id),
    lot_id       UUID           NOT NULL REFERENCES rebidding_round (lot_id),
    previous     NUMERIC(19, 2) NOT NULL,
    price        NUMERIC(19, 2) NOT NULL CHECK (price > 0),
    submitted_at TIMESTAMPTZ    NOT NULL,
    submitted_by UUID           NOT NULL
);

-- A framework agreement's suppliers (SPEC §5.1 item 8): the best-ranked admitted bids of the lot, up to N.
CREATE TABLE framework_member (
    lot_id          UUID NOT NULL REFERENCES lot (id),
    organization_id UUID NOT NULL,
    bid_id          UUID NOT NULL REFERENCES bid (id),
    rank            INT  NOT NULL,
    PRIMARY KEY (lot_id, organization_id)
);

-- A call-off under a framework agreement: the buyer orders from one framework supplier; it becomes a contract.
CREATE TABLE call_off (
    id              UUID PRIMARY KEY,
    procedure_id    UUID           NOT NULL REFERENCES procedure (id),
    lot_id          UUID           NOT NULL REFERENCES lot (id),
    organization_id UUID           NOT NULL,
    subject         VARCHAR(1000)  NOT NULL,
    quantity        NUMERIC(19, 3) NOT NULL CHECK (quantity > 0),
    price           NUMERIC(19, 2) NOT NULL CHECK (price > 0),
    created_at      TIMESTAMPTZ    NOT NULL,
    created_by      UUID           NOT NULL
);
CREATE INDEX call_off_lot ON call_off (lot_id, created_at);
