-- The analytics read model (SPEC §9): one row per lot of a published procedure and one per opened bid, written from
-- procurement's disclosure on its lot-level events and by the rebuild; nothing here is read by another module.
CREATE TABLE analytics_lot (
    lot_id              UUID PRIMARY KEY,
    procedure_id        UUID           NOT NULL,
    lot_number          INT            NOT NULL,
    buyer_id            UUID           NOT NULL,
    kind                VARCHAR(40)    NOT NULL,
    category_code       VARCHAR(20)    NOT NULL,
    currency            CHAR(3)        NOT NULL,
    published_at        TIMESTAMPTZ    NOT NULL,
    submission_deadline TIMESTAMPTZ    NOT NULL,
    opened_at           TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ,
    contract_at         TIMESTAMPTZ,
    status              VARCHAR(20)    NOT NULL CHECK (status IN ('OPEN', 'AWARDED', 'FAILED', 'CANCELLED')),
    start_price         NUMERIC(19, 2) NOT NULL,
    award_price         NUMERIC(19, 2),
    second_price        NUMERIC(19, 2),
    winner_id           UUID,
    winner_sme          BOOLEAN        NOT NULL DEFAULT FALSE,
    -- Counted from the opened bids only: before the opening nothing is known here, as nothing may be.
    bids                INT            NOT NULL DEFAULT 0,
    rejected            INT            NOT NULL DEFAULT 0,
    price_only          BOOLEAN        NOT NULL,
    by_invitation       BOOLEAN        NOT NULL,
    sellers             BOOLEAN        NOT NULL,
    lowest_rejected     BOOLEAN        NOT NULL DEFAULT FALSE,
    -- When the row was written (database clock): a rebuild removes the rows it did not write itself.
    refreshed_at        TIMESTAMPTZ    NOT NULL DEFAULT clock_timestamp(),
    -- A row of the demo history (AnalyticsDemoData): no procedure behind it, so a rebuild keeps it.
    demo                BOOLEAN        NOT NULL DEFAULT FALSE
);
CREATE INDEX analytics_lot_buyer ON analytics_lot (buyer_id, published_at);
CREATE INDEX analytics_lot_published ON analytics_lot (published_at);
CREATE INDEX analytics_lot_procedure ON analytics_lot (procedure_id);

CREATE TABLE analytics_bid (
    bid_id        UUID PRIMARY KEY,
    lot_id        UUID           NOT NULL,
    procedure_id  UUID           NOT NULL,
    buyer_id      UUID           NOT NULL,
    bidder_id     UUID           NOT NULL,
    category_code VARCHAR(20)    NOT NULL,
    currency      CHAR(3)        NOT NULL,
    published_at  TIMESTAMPTZ    NOT NULL,
    rejected      BOOLEAN        NOT NULL,
    won           BOOLEAN        NOT NULL,
    price         NUMERIC(19, 2),
    sme           BOOLEAN        NOT NULL,
    refreshed_at  TIMESTAMPTZ    NOT NULL DEFAULT clock_timestamp(),
    demo          BOOLEAN        NOT NULL DEFAULT FALSE
);
CREATE INDEX analytics_bid_bidder ON analytics_bid (bidder_id, published_at);
CREATE INDEX analytics_bid_lot ON analytics_bid (lot_id);
CREATE INDEX analytics_bid_procedure ON analytics_bid (procedure_id);

-- The shortest tender period per procedure kind below which the red flag is raised; the operator may change them.
CREATE TABLE analytics_threshold (
    kind     VARCHAR(40) PRIMARY KEY,
    min_days INT         NOT NULL CHECK (min_days >= 0)
);
INSERT INTO analytics_threshold (kind, min_days) VALUES
    ('REQUEST_FOR_QUOTATIONS', 3), ('REQUEST_FOR_PROPOSALS', 7), ('COMPETITIVE_NEGOTIATIONS', 7),
    ('OPEN_TENDER', 15), ('CLOSED_TENDER', 15), ('TWO_STAGE_TENDER', 15), ('PREQUALIFICATION_TENDER', 15),
    ('TWO_ENVELOPE_TENDER', 15), ('REBIDDING_TENDER', 15), ('SME_TENDER', 15), ('FRAMEWORK_TENDER', 15),
    ('ALTERNATIVES_TENDER', 15), ('REVERSE_AUCTION', 7), ('FORWARD_AUCTION', 7), ('DUTCH_AUCTION', 7),
    ('REVERSE_DUTCH_AUCTION', 7), ('JAPANESE_AUCTION', 7), ('SEALED_BID_AUCTION', 7), ('MULTI_ROUND_AUCTION', 7);

-- Whether the read model was built once from the disclosure (the first start after analytics existed).
CREATE TABLE analytics_build (
    id          INT PRIMARY KEY CHECK (id = 1),
    finished_at TIMESTAMPTZ
);
