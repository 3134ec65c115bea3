-- Issue 14: a database superuser could append an entry with a correct SHA-256, or edit one and recompute its stream
-- and the anchors, unseen. Two defences (docs/audit.md):
--  * each entry carries an HMAC-SHA256 of its hash under a key derived from the master key, which the database never
--    holds: an entry made outside the platform has no valid MAC;
--  * checkpoints: the anchor head signed with the platform key at intervals, published for anyone to keep, so a
--    rewritten anchor chain contradicts copies kept outside.
ALTER TABLE audit_entry
    ADD COLUMN mac             TEXT,
    -- Entries written before MACs existed get theirs at the first start after this migration, marked as such: their
    -- MAC proves only that they were in the journal then, not that the platform wrote them.
    ADD COLUMN mac_retroactive BOOLEAN NOT NULL DEFAULT FALSE;

-- Which entries the first start may MAC retroactively: those that exist now, and no later one.
CREATE TABLE audit_mac_backfill (
    cutoff_id BIGINT NOT NULL,
    done_at   TIMESTAMPTZ
);
INSERT INTO audit_mac_backfill (cutoff_id) SELECT coalesce(max(id), 0) FROM audit_entry;

-- The one change an entry may undergo: getting its retroactive MAC, once.
CREATE OR REPLACE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_entry' AND OLD.mac IS NULL AND NEW.mac IS NOT NULL
            AND NEW.mac_retroactive
            AND (to_jsonb(NEW) - 'mac' - 'mac_retroactive') = (to_jsonb(OLD) - 'mac' - 'mac_retroactive') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

-- Signed checkpoints of the anchor chain: the exact text signed and its detached CMS signature (base64 DER).
CREATE TABLE audit_checkpoint (
    seq         BIGSERIAL PRIMARY KEY,
    anchor_seq  BIGINT      NOT NULL UNIQUE,
    anchor_hash TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    text        TEXT        NOT NULL,
    signature   TEXT        NOT NULL
);
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
