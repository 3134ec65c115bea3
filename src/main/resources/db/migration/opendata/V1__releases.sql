-- Open data (SPEC §9): OCDS releases, written once and never changed. `tx` is the writing transaction's id: the feed
-- serves a row only once every transaction older than the oldest one still running has ended (see ReleaseStore), so
-- a crawler paging by (tx, seq) never skips a release that committed late.
CREATE TABLE opendata_release (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ocid        TEXT NOT NULL,
    release_id  TEXT NOT NULL UNIQUE,
    tag         TEXT NOT NULL,
    released_at TIMESTAMPTZ NOT NULL,
    -- The JSON text exactly as served (jsonb would reorder keys and cost a re-serialization per page).
    release     TEXT NOT NULL
);
CREATE INDEX opendata_release_feed ON opendata_release (tx, seq);
CREATE INDEX opendata_release_ocid ON opendata_release (ocid, tx, seq);
CREATE INDEX opendata_release_month ON opendata_release (released_at) INCLUDE (seq, tx);

CREATE FUNCTION opendata_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'opendata_release is append-only: a published release is never changed (%)', TG_OP;
END;
$$;
CREATE TRIGGER opendata_release_append_only BEFORE UPDATE OR DELETE ON opendata_release
    FOR EACH ROW EXECUTE FUNCTION opendata_reject_change();
CREATE TRIGGER opendata_release_no_truncate BEFORE TRUNCATE ON opendata_release
    FOR EACH STATEMENT EXECUTE FUNCTION opendata_reject_change();

-- When each lot was awarded or failed (the award's date), from the events.
CREATE TABLE opendata_lot_decision (
    lot_id     UUID PRIMARY KEY,
    decided_at TIMESTAMPTZ NOT NULL
);

-- Monthly bulk files (gzip of one release package), built on demand from the releases and kept here so that every
-- node serves the same file; `releases` and `last_seq` tell whether a newer release has arrived since.
CREATE TABLE opendata_bulk (
    month     DATE PRIMARY KEY,
    releases  BIGINT NOT NULL,
    last_seq  BIGINT NOT NULL,
    body      BYTEA NOT NULL,
    built_at  TIMESTAMPTZ NOT NULL
);

-- The backfill of procedures that existed before open data: the last procedure done in publication order. One row;
-- a node runs a batch holding its lock, so two nodes never write the same procedure's releases at once.
CREATE TABLE opendata_backfill (
    id           INT PRIMARY KEY CHECK (id = 1),
    published_at TIMESTAMPTZ NOT NULL,
    procedure_id UUID NOT NULL,
    finished     BOOLEAN NOT NULL
);
INSERT INTO opendata_backfill VALUES (1, '1900-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000', false);
