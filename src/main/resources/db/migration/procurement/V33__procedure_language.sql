-- The language the procedure's protocols are written in, chosen by the buyer at creation (issue 17). Procedures
-- created before it existed wrote their protocols in English, which is what they keep.
ALTER TABLE procedure ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ru', 'th'));
