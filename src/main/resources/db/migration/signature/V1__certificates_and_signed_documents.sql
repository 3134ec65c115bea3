-- Signing certificates registered by users (SPEC §3.1). A certificate belongs to one user: its fingerprint is unique,
-- and a revoked one stays here (revoked_at) so that documents it signed can still be checked against it.
CREATE TABLE signing_certificate (
    id            UUID PRIMARY KEY,
    user_id       UUID         NOT NULL,
    subject       VARCHAR(1000) NOT NULL,
    issuer        VARCHAR(1000) NOT NULL,
    serial_number VARCHAR(100) NOT NULL,
    fingerprint   CHAR(64)     NOT NULL UNIQUE,
    not_before    TIMESTAMPTZ  NOT NULL,
    not_after     TIMESTAMPTZ  NOT NULL,
    der           BYTEA        NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX signing_certificate_user ON signing_certificate (user_id, registered_at DESC);

-- Signed documents kept with their signatures (SPEC §3.3). Sealed bids are not kept here: their signature and text
-- stay inside the sealed bid until the opening. `public` documents (protocols) may be re-verified by anyone.
CREATE TABLE signed_document (
    id              UUID PRIMARY KEY,
    purpose         VARCHAR(40)  NOT NULL,
    reference       VARCHAR(200) NOT NULL,
    organization_id UUID         NOT NULL,
    user_id         UUID         NOT NULL,
    certificate_id  UUID         NOT NULL REFERENCES signing_certificate (id),
    document        TEXT         NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    signature       BYTEA        NOT NULL,
    signed_at       TIMESTAMPTZ  NOT NULL,
    public          BOOLEAN      NOT NULL
);
CREATE INDEX signed_document_reference ON signed_document (purpose, reference);
