-- The audit journal (SPEC §11). Entries chain per stream (one aggregate each), so unrelated aggregates never
-- contend for one row: an append locks only its own stream's head. A single background writer then folds
-- committed entries into one global anchor chain, which also catches a stream chain that was rewritten whole.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    stream      TEXT        NOT NULL,
    stream_seq  BIGINT      NOT NULL CHECK (stream_seq > 0),
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    details     JSONB       NOT NULL,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL,
    -- The writing transaction's id. Not part of the hash: it only tells the anchor writer which entries are
    -- certainly committed (see AnchorWriter).
    tx          XID8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT audit_entry_stream_seq UNIQUE (stream, stream_seq)
);
CREATE INDEX audit_entry_tx ON audit_entry (tx, id);

-- The last entry of each stream: the row an append locks, and the proof that no entry was cut off a stream's end.
CREATE TABLE audit_stream_head (
    stream TEXT     PRIMARY KEY,
    seq    BIGINT   NOT NULL,
    hash   TEXT     NOT NULL
);

-- The global chain: anchor hash = SHA-256(prev_hash || entry_hash), in the order the writer folded the entries.
CREATE TABLE audit_anchor (
    anchor_seq BIGSERIAL PRIMARY KEY,
    entry_id   BIGINT   NOT NULL UNIQUE,
    entry_tx   XID8     NOT NULL,
    entry_hash TEXT     NOT NULL,
    prev_hash  TEXT     NOT NULL,
    hash       TEXT     NOT NULL
);

-- Append-only against application bugs and careless hands; a superuser can still bypass it, which is what the
-- hash chains are for.
CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
