-- The open-data backfill (and any reader walking the history) pages published procedures by (published_at, id):
-- without this index each page sorted every published procedure, a few hundred milliseconds a page at 760,000.
CREATE INDEX procedure_publication_order ON procedure (published_at, id) WHERE published_at IS NOT NULL;
