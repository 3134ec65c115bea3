-- Failed logins are counted per account AND client address (issue 14): a stranger failing from one address cannot
-- lock the owner out of another one. The key is the SHA-256 of the e-mail as typed (lower-cased), so an e-mail that
-- has no account is counted, locked and answered exactly like one that has. Every node sees the same counters.
CREATE TABLE login_failure (
    account_key    CHAR(64)    NOT NULL,
    client         VARCHAR(64) NOT NULL,
    failures       INT         NOT NULL CHECK (failures > 0),
    locked_until   TIMESTAMPTZ,
    last_failed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_key, client)
);
CREATE INDEX login_failure_client ON login_failure (client, last_failed_at);

ALTER TABLE app_user DROP COLUMN failed_logins, DROP COLUMN locked_until;

-- One-time sign-in links mailed on request: stored as SHA-256 only, short-lived, used once.
CREATE TABLE login_link (
    token_hash CHAR(64) PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX login_link_user ON login_link (user_id, created_at);
