-- "This category in this region" (the catalogue's most common filter, SPEC §5.8) as one index key: every region
-- joined with every category ('RU-MOW/26.2'). A region alone or a category alone holds thousands of procedures each,
-- so intersecting them visits thousands of index entries; their pair holds a few hundred.
ALTER TABLE procedure_search ADD COLUMN region_categories TEXT[] NOT NULL DEFAULT '{}';
UPDATE procedure_search
   SET region_categories = ARRAY(SELECT r || '/' || c FROM unnest(regions) r CROSS JOIN unnest(categories) c);
ALTER TABLE procedure_search ALTER COLUMN region_categories DROP DEFAULT;

-- The combined GIN index is rebuilt with the pairs in it: a search stays one index scan over all its keys.
DROP INDEX procedure_search_keys;
CREATE INDEX procedure_search_keys ON procedure_search
    USING gin (document, categories, regions, region_categories, thai_text gin_trgm_ops);
