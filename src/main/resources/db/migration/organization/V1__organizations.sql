CREATE TABLE organization (
    id               UUID PRIMARY KEY,
    country          CHAR(2)      NOT NULL,
    legal_form       VARCHAR(40)  NOT NULL,
    tax_id           VARCHAR(40)  NOT NULL,
    ogrn             VARCHAR(15),
    kpp              VARCHAR(9),
    full_name        VARCHAR(500) NOT NULL,
    short_name       VARCHAR(200) NOT NULL,
    legal_address    VARCHAR(500) NOT NULL,
    actual_address   VARCHAR(500) NOT NULL,
    postal_address   VARCHAR(500) NOT NULL,
    sme              BOOLEAN      NOT NULL,
    industry         VARCHAR(200),
    region_code      VARCHAR(10),
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'ACCREDITED', 'REJECTED')),
    rejection_reason VARCHAR(2000),
    decided_at       TIMESTAMPTZ,
    decided_by       UUID,
    created_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0
);
-- A tax id is registered once per country; the database settles concurrent registrations.
CREATE UNIQUE INDEX organization_tax_id ON organization (country, tax_id);
CREATE INDEX organization_pending ON organization (created_at) WHERE status = 'PENDING';

CREATE TABLE organization_category (
    organization_id UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    direction       VARCHAR(10) NOT NULL CHECK (direction IN ('OFFERED', 'CONSUMED')),
    code            VARCHAR(20) NOT NULL,
    PRIMARY KEY (organization_id, direction, code)
);
CREATE INDEX organization_category_code ON organization_category (code, direction);

CREATE TABLE organization_member (
    organization_id UUID        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    user_id         UUID        NOT NULL,
    roles           TEXT[]      NOT NULL,
    added_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_member_user ON organization_member (user_id);
