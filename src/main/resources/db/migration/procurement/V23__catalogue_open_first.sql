-- Open procedures (status PUBLISHED) are what most searches want, and on a platform a few years old they are a small
-- part of the catalogue. Their own indexes let a search find and rank them without stepping over the finished ones
-- (issue 19): the words, categories and regions of open procedures only, and their newest-first order, which picks
-- the capped set of candidates a relevance search ranks.
CREATE INDEX procedure_search_open_keys ON procedure_search
    USING gin (document, categories, regions, region_categories, thai_text gin_trgm_ops)
    WHERE status = 'PUBLISHED';
CREATE INDEX procedure_search_open_newest ON procedure_search (published_at DESC, procedure_id)
    WHERE status = 'PUBLISHED';
