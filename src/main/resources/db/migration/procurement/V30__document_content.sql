-- Documentation bytes move into the database (issue 23): every app node then serves every download, and a backup or
-- a replica of the database holds the documents too. Content addressed per procedure, like the files before: two
-- uploads of the same bytes share a row. Files written before this migration, under
-- <data-dir>/documents/<procedure>/<sha256>, are copied in at the next start and read from disk until then.
CREATE TABLE document_content (
    procedure_id UUID     NOT NULL REFERENCES procedure (id),
    sha256       CHAR(64) NOT NULL,
    content      BYTEA    NOT NULL,
    PRIMARY KEY (procedure_id, sha256)
);
-- Stored out of line and uncompressed: most documents (PDF, DOCX, XLSX, ZIP, images) are compressed already.
ALTER TABLE document_content ALTER COLUMN content SET STORAGE EXTERNAL;
