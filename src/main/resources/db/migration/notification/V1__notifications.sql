-- One row per person told about one thing. A row is also written when the person chose e-mail only (in_app is
-- then false and the inbox never shows it), so the unique key below makes "once" a database guarantee even when a
-- listener is run again by the event publication registry.
CREATE TABLE notification (
    id           UUID PRIMARY KEY,
    -- Orders the inbox: many notifications of one event share created_at.
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,
    recipient_id UUID         NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    dedup_key    VARCHAR(200) NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    body         TEXT         NOT NULL,
    link         VARCHAR(500) NOT NULL,
    in_app       BOOLEAN      NOT NULL,
    emailed      BOOLEAN      NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    read_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX notification_once ON notification (recipient_id, dedup_key);
CREATE INDEX notification_inbox ON notification (recipient_id, seq DESC) WHERE in_app;
CREATE INDEX notification_unread ON notification (recipient_id) WHERE in_app AND read_at IS NULL;

-- A missing row means the default: both channels on.
CREATE TABLE notification_preference (
    user_id UUID        NOT NULL,
    kind    VARCHAR(40) NOT NULL,
    in_app  BOOLEAN     NOT NULL,
    email   BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Saved searches (SPEC §5.8 subscriptions); an empty criterion matches anything.
CREATE TABLE saved_search (
    id            UUID PRIMARY KEY,
    user_id       UUID          NOT NULL,
    query         VARCHAR(200),
    category_code VARCHAR(20),
    region_code   VARCHAR(10),
    kind          VARCHAR(40),
    price_from    NUMERIC(19, 2),
    price_to      NUMERIC(19, 2),
    created_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX saved_search_user ON saved_search (user_id, created_at);
CREATE INDEX saved_search_category ON saved_search (category_code);
