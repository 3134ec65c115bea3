-- Organization search (issue 19 item 3): buyers find suppliers to invite, the operator finds any organization, by
-- name, tax id, region and categories offered (OrganizationSearch). Both search columns are generated from the names,
-- so every write path (registration, requisites, a bulk COPY of the benchmark) keeps them right without code.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Names as words through the `russian` configuration, which stems Cyrillic words with the Russian Snowball stemmer
-- and Latin-script words with the English one: "ромашки" finds "Ромашка", "systems" finds "System".
ALTER TABLE organization ADD COLUMN name_words TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('russian', short_name || ' ' || full_name)) STORED;
-- Names as lower-cased text for trigrams: Thai is written without spaces and PostgreSQL has no Thai word splitter,
-- so a Thai query matches substrings; the same index answers a word a typo away (word similarity) in any script.
ALTER TABLE organization ADD COLUMN name_text TEXT
    GENERATED ALWAYS AS (lower(short_name || ' ' || full_name)) STORED;

CREATE INDEX organization_name_words ON organization USING gin (name_words);
CREATE INDEX organization_name_trigrams ON organization USING gin (name_text gin_trgm_ops);
-- A tax id typed in part is a prefix (the first digits of an INN name the tax office): a pattern-ops b-tree serves
-- LIKE 'prefix%' whatever the database's collation.
CREATE INDEX organization_tax_id_prefix ON organization (tax_id text_pattern_ops);
-- Results are listed by name with the id as tie-breaker, so that keyset pages never overlap; buyers see only the
-- accredited, which get their own ordered index so that a broad search walks no pending or rejected rows.
CREATE INDEX organization_by_name ON organization (lower(short_name), id);
CREATE INDEX organization_accredited_by_name ON organization (lower(short_name), id) WHERE status = 'ACCREDITED';
CREATE INDEX organization_region ON organization (region_code, lower(short_name), id);
