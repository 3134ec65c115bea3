-- The public catalogue (SPEC §5.8): one search document per procedure that anyone may see. It is written in the
-- transaction that publishes or changes the procedure (CatalogueIndex), so a search never sees a draft and never
-- misses a published procedure. It also holds what the result list shows (title, lot categories), so that a page
-- of results is read from the rows the search already visited, without a join per result.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE procedure_search (
    procedure_id        UUID PRIMARY KEY REFERENCES procedure (id) ON DELETE CASCADE,
    organization_id     UUID             NOT NULL,
    title               VARCHAR(500)     NOT NULL,
    kind                VARCHAR(40)      NOT NULL,
    status              VARCHAR(20)      NOT NULL,
    currency            CHAR(3)          NOT NULL,
    submission_deadline TIMESTAMPTZ      NOT NULL,
    published_at        TIMESTAMPTZ      NOT NULL,
    -- Lots are what suppliers bid on, so the price filter asks for a lot priced in the range: the array answers
    -- exactly, min and max let an index narrow the rows first and order by price.
    min_price           NUMERIC(19, 2)   NOT NULL,
    max_price           NUMERIC(19, 2)   NOT NULL,
    lot_prices          NUMERIC(19, 2)[] NOT NULL,
    -- Every lot's category with all its ancestors in the classifier tree, so that a section (C) or a class (26)
    -- finds the lots filed under its subcategories with one index lookup.
    categories          TEXT[]           NOT NULL,
    -- The lots' own categories, as listed.
    lot_categories      TEXT[]           NOT NULL,
    regions             TEXT[]           NOT NULL,
    -- Title (weight A), lot titles (B) and description (C) through the `russian` configuration, which stems
    -- Cyrillic words with the Russian Snowball stemmer and Latin-script words with the English one (its asciiword
    -- mapping is english_stem), so one vector serves both languages.
    document            TSVECTOR         NOT NULL,
    -- Title and lot titles only: relevance is ranked on this small vector, so ranking thousands of matches does
    -- not read and decompress thousands of whole documents.
    headline            TSVECTOR         NOT NULL,
    -- Thai is written without spaces between words and PostgreSQL has no Thai word splitter, so Thai queries match
    -- substrings of this lower-cased text through trigrams. Only procedures with Thai text carry it (empty
    -- otherwise): a Thai query can match no other, and the trigram index stays a fraction of the size.
    thai_text           TEXT             NOT NULL,
    -- Drafts and closed (by invitation) tenders are never public: the database refuses to hold them here.
    CONSTRAINT procedure_search_public CHECK (status <> 'DRAFT' AND kind <> 'CLOSED_TENDER')
);

-- One GIN index over the words, the categories, the regions and the Thai trigrams: a search combining them is one
-- index scan that steps through the rarest key's entries and skips ahead in the others, instead of one complete
-- bitmap per condition (a frequent word or a whole section holds tens of thousands of procedures) intersected after.
CREATE INDEX procedure_search_keys ON procedure_search
    USING gin (document, categories, regions, thai_text gin_trgm_ops);
-- The orders the catalogue offers, each with the id as tie-breaker so that pages never overlap.
CREATE INDEX procedure_search_newest ON procedure_search (published_at DESC, procedure_id);
CREATE INDEX procedure_search_deadline ON procedure_search (submission_deadline, procedure_id);
CREATE INDEX procedure_search_cheapest ON procedure_search (min_price, procedure_id);
CREATE INDEX procedure_search_dearest ON procedure_search (max_price DESC, procedure_id);
-- Open procedures have the latest deadlines: walking the deadline index from the oldest would pass every finished
-- procedure before the first open one. Within one status the walk starts where the answers are.
CREATE INDEX procedure_search_status_deadline ON procedure_search (status, submission_deadline, procedure_id);
