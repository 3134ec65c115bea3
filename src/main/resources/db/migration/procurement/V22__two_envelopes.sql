-- Two-envelope tenders (SPEC §5.1 item 5): the bid's sealed content is its technical envelope (no price); the price
-- envelope is sealed separately under the same procedure key with its own associated data, and is opened only for
-- bids the buyer found technically compliant, once every bid of the procedure is decided.
ALTER TABLE bid ADD COLUMN price_nonce BYTEA;
ALTER TABLE bid ADD COLUMN price_ciphertext BYTEA;

-- The opening of a procedure's price envelopes: once, by the buyer.
CREATE TABLE price_opening (
    procedure_id UUID PRIMARY KEY REFERENCES procedure (id),
    opened_at    TIMESTAMPTZ NOT NULL,
    opened_by    UUID        NOT NULL
);

-- Alternative offers / equivalents beside a main bid (SPEC §5.1 item 9): sealed like the bid until the opening, then
-- evaluated, scored and ranked among the lot's bids one by one. Withdrawing the bid removes them.
CREATE TABLE bid_alternative (
    id               UUID PRIMARY KEY,
    bid_id           UUID           NOT NULL REFERENCES bid (id),
    procedure_id     UUID           NOT NULL REFERENCES procedure (id),
    lot_id           UUID           NOT NULL REFERENCES lot (id),
    organization_id  UUID           NOT NULL,
    position         INT            NOT NULL CHECK (position BETWEEN 1 AND 5),
    nonce            BYTEA          NOT NULL,
    ciphertext       BYTEA          NOT NULL,
    sha256           CHAR(64)       NOT NULL,
    submitted_at     TIMESTAMPTZ    NOT NULL,
    status           VARCHAR(20)    NOT NULL DEFAULT 'SUBMITTED'
        CHECK (status IN ('SUBMITTED', 'ADMITTED', 'REJECTED', 'WINNER', 'NOT_AWARDED')),
    -- Filled by the opening: nothing of the content exists in clear before it.
    price            NUMERIC(19, 2),
    description      TEXT,
    rejection_reason TEXT,
    score            NUMERIC(9, 4),
    rank             INT,
    UNIQUE (bid_id, position)
);
CREATE INDEX bid_alternative_lot ON bid_alternative (lot_id);

CREATE TABLE bid_alternative_score (
    alternative_id UUID          NOT NULL REFERENCES bid_alternative (id) ON DELETE CASCADE,
    criterion      VARCHAR(40)   NOT NULL,
    member_id      UUID          NOT NULL,
    score          NUMERIC(6, 3) NOT NULL CHECK (score BETWEEN 0 AND 10),
    PRIMARY KEY (alternative_id, criterion, member_id)
);
