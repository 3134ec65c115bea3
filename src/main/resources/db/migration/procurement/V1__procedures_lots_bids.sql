CREATE TABLE procedure (
    id                     UUID PRIMARY KEY,
    organization_id        UUID         NOT NULL,
    created_by             UUID         NOT NULL,
    kind                   VARCHAR(40)  NOT NULL,
    title                  VARCHAR(500) NOT NULL,
    description            TEXT         NOT NULL,
    currency               CHAR(3)      NOT NULL,
    status                 VARCHAR(20)  NOT NULL
        CHECK (status IN ('DRAFT', 'PUBLISHED', 'OPENED', 'EVALUATION', 'AWARDED', 'CANCELLED', 'FAILED')),
    submission_deadline    TIMESTAMPTZ  NOT NULL,
    clarification_deadline TIMESTAMPTZ,
    criteria               JSONB        NOT NULL DEFAULT '[]',
    published_at           TIMESTAMPTZ,
    opened_at              TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    cancel_reason          TEXT,
    -- The per-procedure bid key, wrapped by the platform master key (never stored in clear); released at opening.
    sealed_key             BYTEA        NOT NULL,
    key_released_at        TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX procedure_owner ON procedure (organization_id, created_at DESC);
-- The deadline sweep looks only at published procedures, oldest deadline first.
CREATE INDEX procedure_due ON procedure (submission_deadline) WHERE status = 'PUBLISHED';

CREATE TABLE lot (
    id              UUID PRIMARY KEY,
    procedure_id    UUID           NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
    number          INT            NOT NULL,
    title           VARCHAR(500)   NOT NULL,
    category_code   VARCHAR(20)    NOT NULL,
    quantity        NUMERIC(19, 3) NOT NULL,
    unit            VARCHAR(40)    NOT NULL,
    start_price     NUMERIC(19, 2) NOT NULL,
    delivery_region VARCHAR(10),
    status          VARCHAR(20)    NOT NULL CHECK (status IN ('OPEN', 'AWARDED', 'FAILED')),
    winner_bid_id   UUID,
    UNIQUE (procedure_id, number)
);
CREATE INDEX lot_procedure ON lot (procedure_id);

CREATE TABLE bid (
    id                   UUID PRIMARY KEY,
    procedure_id         UUID        NOT NULL REFERENCES procedure (id),
    lot_id               UUID        NOT NULL REFERENCES lot (id),
    organization_id      UUID        NOT NULL,
    submitted_by         UUID        NOT NULL,
    status               VARCHAR(20) NOT NULL
        CHECK (status IN ('SUBMITTED', 'WITHDRAWN', 'ADMITTED', 'REJECTED', 'WINNER', 'NOT_AWARDED')),
    -- Sealed content: AES-256-GCM under the procedure key, bound to this bid and lot by the associated data.
    nonce                BYTEA       NOT NULL,
    ciphertext           BYTEA       NOT NULL,
    sha256               CHAR(64)    NOT NULL,
    submitted_at         TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    needs_reconfirmation BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Filled by the opening: nothing of the content exists in clear before it.
    price                NUMERIC(19, 2),
    rejection_reason     TEXT,
    score                NUMERIC(9, 4),
    rank                 INT,
    version              BIGINT      NOT NULL DEFAULT 0
);
-- One live bid per organization and lot; a new submission replaces it, a withdrawn one no longer counts.
CREATE UNIQUE INDEX bid_one_per_lot ON bid (lot_id, organization_id) WHERE status <> 'WITHDRAWN';
CREATE INDEX bid_procedure ON bid (procedure_id);

CREATE TABLE bid_receipt (
    id          UUID PRIMARY KEY,
    bid_id      UUID        NOT NULL REFERENCES bid (id),
    received_at TIMESTAMPTZ NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    signature   TEXT        NOT NULL
);
CREATE INDEX bid_receipt_bid ON bid_receipt (bid_id);

-- Committee members' scores for the non-price criteria, 0 to 10.
CREATE TABLE bid_score (
    bid_id    UUID          NOT NULL REFERENCES bid (id),
    criterion VARCHAR(40)   NOT NULL,
    member_id UUID          NOT NULL,
    score     NUMERIC(4, 2) NOT NULL CHECK (score >= 0 AND score <= 10),
    PRIMARY KEY (bid_id, criterion, member_id)
);

CREATE TABLE protocol (
    id           UUID PRIMARY KEY,
    procedure_id UUID        NOT NULL REFERENCES procedure (id),
    kind         VARCHAR(20) NOT NULL CHECK (kind IN ('OPENING', 'EVALUATION', 'AWARD')),
    created_at   TIMESTAMPTZ NOT NULL,
    content      TEXT        NOT NULL,
    sha256       CHAR(64)    NOT NULL,
    UNIQUE (procedure_id, kind)
);
