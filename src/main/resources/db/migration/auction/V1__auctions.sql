-- Live auctions (SPEC §6): one row per lot with the engine's rules, the sealed initial offers and a snapshot of its
-- state (so a bid needs not replay the log), and the append-only, hash-chained log of everything that happened.
CREATE TABLE auction (
    lot_id             UUID PRIMARY KEY,
    procedure_id       UUID         NOT NULL,
    buyer_id           UUID         NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    kind               VARCHAR(40)  NOT NULL,
    signature_required BOOLEAN      NOT NULL,
    rules              TEXT         NOT NULL,
    offers             TEXT         NOT NULL,
    state              TEXT         NOT NULL,
    status             VARCHAR(10)  NOT NULL CHECK (status IN ('SCHEDULED', 'RUNNING', 'ENDED')),
    next_deadline      TIMESTAMPTZ,
    seq                BIGINT       NOT NULL DEFAULT 0,
    head_hash          CHAR(64)     NOT NULL,
    protocol           TEXT,
    protocol_sha256    CHAR(64),
    created_at         TIMESTAMPTZ  NOT NULL
);

CREATE INDEX auction_due ON auction (next_deadline) WHERE status <> 'ENDED';
CREATE INDEX auction_procedure ON auction (procedure_id);

-- payload is the event exactly as hashed (TEXT, not JSONB, which would reorder keys and break the chain).
CREATE TABLE auction_event (
    lot_id    UUID        NOT NULL REFERENCES auction (lot_id),
    seq       BIGINT      NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    type      VARCHAR(20) NOT NULL,
    payload   TEXT        NOT NULL,
    prev_hash CHAR(64)    NOT NULL,
    hash      CHAR(64)    NOT NULL,
    PRIMARY KEY (lot_id, seq)
);

CREATE FUNCTION auction_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'auction_event is append-only';
END $$;

CREATE TRIGGER auction_event_no_change BEFORE UPDATE OR DELETE ON auction_event
    FOR EACH ROW EXECUTE FUNCTION auction_event_immutable();
