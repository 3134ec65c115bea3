CREATE TABLE app_user (
    id                 UUID PRIMARY KEY,
    email              VARCHAR(320) NOT NULL,
    full_name          VARCHAR(200) NOT NULL,
    phone              VARCHAR(40)  NOT NULL,
    position           VARCHAR(200) NOT NULL,
    password_hash      VARCHAR(200) NOT NULL,
    locale             VARCHAR(10),
    operator           BOOLEAN      NOT NULL DEFAULT FALSE,
    email_confirmed_at TIMESTAMPTZ,
    failed_logins      INT          NOT NULL DEFAULT 0,
    locked_until       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0
);
-- E-mail addresses are unique regardless of case; the database enforces it against concurrent registrations.
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

-- One-time confirmation links; only the SHA-256 of the token is stored, so a database reader cannot confirm.
CREATE TABLE email_confirmation (
    token_hash CHAR(64) PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX email_confirmation_user ON email_confirmation (user_id);

-- Personal API tokens: shown once, stored hashed, revocable.
CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES app_user (id),
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    prefix       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_token_user ON api_token (user_id);
