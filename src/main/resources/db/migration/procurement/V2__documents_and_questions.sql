-- Documentation versions (SPEC §5.3): version 1 collects what the buyer attaches while the procedure is a draft
-- and is published with it; every later change of a published procedure publishes the next version at once.
CREATE TABLE documentation_version (
    procedure_id        UUID        NOT NULL REFERENCES procedure (id),
    number              INT         NOT NULL CHECK (number >= 1),
    -- NULL while the procedure is a draft: the first version is published with the procedure.
    published_at        TIMESTAMPTZ,
    published_by        UUID        NOT NULL,
    -- The submission deadline in force once this version was published, and whether the amendment moved it.
    submission_deadline TIMESTAMPTZ NOT NULL,
    deadline_extended   BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (procedure_id, number)
);

-- One attached file. The bytes live in <data-dir>/documents/<procedure>/<sha256>, written once and never changed,
-- so two rows with the same content share one file.
CREATE TABLE document (
    id                  UUID PRIMARY KEY,
    procedure_id        UUID         NOT NULL REFERENCES procedure (id),
    version             INT          NOT NULL,
    name                VARCHAR(200) NOT NULL,
    -- Decided by the server from the allow-listed type, never taken from the uploader's claim.
    content_type        VARCHAR(100) NOT NULL,
    size                BIGINT       NOT NULL CHECK (size > 0),
    sha256              CHAR(64)     NOT NULL,
    uploaded_by         UUID         NOT NULL,
    uploaded_at         TIMESTAMPTZ  NOT NULL,
    replaces            UUID REFERENCES document (id),
    -- The version that replaced this document; it stays downloadable as part of the history.
    replaced_in_version INT,
    FOREIGN KEY (procedure_id, version) REFERENCES documentation_version (procedure_id, number)
);
CREATE INDEX document_procedure ON document (procedure_id, version, uploaded_at);

-- Clarification questions (SPEC §5.4). The asker is kept for the platform's own accountability and for "your
-- question"; no query that serves the buyer or the public selects these two columns.
CREATE TABLE question (
    id              UUID PRIMARY KEY,
    procedure_id    UUID          NOT NULL REFERENCES procedure (id),
    asked_by_org    UUID          NOT NULL,
    asked_by_user   UUID          NOT NULL,
    text            VARCHAR(5000) NOT NULL,
    asked_at        TIMESTAMPTZ   NOT NULL,
    answer          VARCHAR(20000),
    answered_by     UUID,
    answered_at     TIMESTAMPTZ,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX question_procedure ON question (procedure_id, asked_at);
