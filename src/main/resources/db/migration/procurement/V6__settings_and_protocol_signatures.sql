-- A procedure's settings (API.md `settings`), e.g. {"signatureRequired": true}: one JSON object, since each kind
-- adds its own switches (auction steps, envelopes...) and none of them is searched on.
ALTER TABLE procedure ADD COLUMN settings JSONB NOT NULL DEFAULT '{"signatureRequired": false}';

-- The buyer's signature of a protocol (SPEC §5.6), kept by the signature module; null until signed.
ALTER TABLE protocol ADD COLUMN signed_document_id UUID;
