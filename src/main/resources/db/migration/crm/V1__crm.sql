-- CRM for suppliers' sales teams (SPEC §7). Every row carries its organization_id: the sales team that owns it, and
-- every query filters by it, so one organization never reads another's CRM data.

CREATE TABLE crm_manager (
    organization_id UUID         NOT NULL,
    user_id         UUID         NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    channel         VARCHAR(20)  NOT NULL CHECK (channel IN ('INBOUND', 'KEY_ACCOUNTS', 'INTERNET', 'SERVICE')),
    head_office     BOOLEAN      NOT NULL,
    head            BOOLEAN      NOT NULL,
    plan_calls      INT          NOT NULL DEFAULT 15,
    plan_meetings   INT          NOT NULL DEFAULT 4,
    plan_contracts  NUMERIC(6, 2) NOT NULL DEFAULT 0.5,
    plan_reason     VARCHAR(500),
    PRIMARY KEY (organization_id, user_id)
);

CREATE TABLE crm_settings (
    organization_id UUID PRIMARY KEY,
    service_manager UUID,
    lead_regions    TEXT[] NOT NULL DEFAULT '{}'
);

CREATE TABLE crm_account (
    id                     UUID PRIMARY KEY,
    organization_id        UUID          NOT NULL,
    name                   VARCHAR(300)  NOT NULL,
    tax_id                 VARCHAR(40),
    linked_organization_id UUID,
    region                 VARCHAR(10),
    purchase_volume        NUMERIC(18, 2),
    market_role            VARCHAR(100),
    reserved               BOOLEAN       NOT NULL DEFAULT FALSE,
    finder_id              UUID,
    finder_channel         VARCHAR(20),
    found_at               TIMESTAMPTZ,
    created_at             TIMESTAMPTZ   NOT NULL
);
CREATE INDEX crm_account_org ON crm_account (organization_id, name);
CREATE UNIQUE INDEX crm_account_linked ON crm_account (organization_id, linked_organization_id)
    WHERE linked_organization_id IS NOT NULL;

-- Who found the client is kept forever (SPEC §7.4): once set, the database refuses to change it.
CREATE FUNCTION crm_account_finder_kept() RETURNS trigger AS $$
BEGIN
    IF OLD.finder_id IS NOT NULL AND (NEW.finder_id IS DISTINCT FROM OLD.finder_id
            OR NEW.finder_channel IS DISTINCT FROM OLD.finder_channel
            OR NEW.found_at IS DISTINCT FROM OLD.found_at) THEN
        RAISE EXCEPTION 'crm_account.finder is set once and never changed' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER crm_account_finder_kept BEFORE UPDATE ON crm_account
    FOR EACH ROW EXECUTE FUNCTION crm_account_finder_kept();

CREATE TABLE crm_ownership (
    id         BIGSERIAL PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES crm_account (id),
    channel    VARCHAR(20) NOT NULL,
    owner_id   UUID        NOT NULL,
    from_at    TIMESTAMPTZ NOT NULL,
    to_at      TIMESTAMPTZ,
    reason     VARCHAR(40) NOT NULL
);
-- One current owner per channel.
CREATE UNIQUE INDEX crm_ownership_current ON crm_ownership (account_id, channel) WHERE to_at IS NULL;

CREATE TABLE crm_contact (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    account_id      UUID         NOT NULL REFERENCES crm_account (id),
    full_name       VARCHAR(200) NOT NULL,
    position        VARCHAR(200),
    email           VARCHAR(200),
    phone           VARCHAR(50),
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('DECISION_MAKER', 'INFLUENCER', 'TECHNICAL', 'USER'))
);
CREATE INDEX crm_contact_org ON crm_contact (organization_id, account_id);

CREATE TABLE crm_deal (
    id               UUID PRIMARY KEY,
    organization_id  UUID          NOT NULL,
    account_id       UUID          NOT NULL REFERENCES crm_account (id),
    title            VARCHAR(300)  NOT NULL,
    value            NUMERIC(18, 2) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    stage            VARCHAR(20)   NOT NULL
        CHECK (stage IN ('RESEARCH', 'CONTACT', 'NEED', 'PRESENT', 'CLOSE', 'LOST')),
    owner_id         UUID,
    channel          VARCHAR(20),
    procedure_id     UUID,
    lost_reason      VARCHAR(1000),
    next_action      VARCHAR(1000),
    next_action_date DATE,
    won_at           TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX crm_deal_org ON crm_deal (organization_id, stage);
-- Tender-to-lead runs in a retried listener: one lead per supplier organization and procedure, settled here.
CREATE UNIQUE INDEX crm_deal_procedure ON crm_deal (organization_id, procedure_id) WHERE procedure_id IS NOT NULL;

CREATE TABLE crm_deal_history (
    id         BIGSERIAL PRIMARY KEY,
    deal_id    UUID        NOT NULL REFERENCES crm_deal (id),
    from_stage VARCHAR(20),
    to_stage   VARCHAR(20) NOT NULL,
    by_user    UUID,
    at         TIMESTAMPTZ NOT NULL,
    note       VARCHAR(1000)
);

CREATE TABLE crm_activity (
    id              UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    account_id      UUID        NOT NULL REFERENCES crm_account (id),
    deal_id         UUID REFERENCES crm_deal (id),
    manager_id      UUID        NOT NULL,
    channel         VARCHAR(20) NOT NULL,
    kind            VARCHAR(20) NOT NULL CHECK (kind IN ('CALL', 'MEETING', 'EMAIL', 'PROPOSAL')),
    note            VARCHAR(2000),
    at              TIMESTAMPTZ NOT NULL
);
CREATE INDEX crm_activity_org ON crm_activity (organization_id, at);
CREATE INDEX crm_activity_account ON crm_activity (account_id, at);

CREATE TABLE crm_conflict (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    account_id      UUID         NOT NULL REFERENCES crm_account (id),
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
    opened_at       TIMESTAMPTZ  NOT NULL,
    winner_id       UUID,
    winner_channel  VARCHAR(20),
    reason          VARCHAR(1000),
    decided_by      UUID,
    decided_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX crm_conflict_open ON crm_conflict (account_id) WHERE status = 'OPEN';

CREATE TABLE crm_supplier (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(300) NOT NULL,
    contact         VARCHAR(300),
    region          VARCHAR(10),
    terms           VARCHAR(2000)
);
CREATE UNIQUE INDEX crm_supplier_name ON crm_supplier (organization_id, name);

CREATE TABLE crm_quote (
    id              UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    supplier_id     UUID          NOT NULL REFERENCES crm_supplier (id),
    product         VARCHAR(300)  NOT NULL,
    niche           VARCHAR(200)  NOT NULL,
    volume          NUMERIC(18, 3) NOT NULL,
    unit            VARCHAR(20)   NOT NULL,
    price           NUMERIC(18, 2) NOT NULL,
    currency        CHAR(3)       NOT NULL
);
CREATE INDEX crm_quote_org ON crm_quote (organization_id, product);

CREATE TABLE crm_competitor (
    id                  UUID PRIMARY KEY,
    organization_id     UUID         NOT NULL,
    name                VARCHAR(300) NOT NULL,
    advertising         VARCHAR(500),
    visibility          VARCHAR(500),
    website             VARCHAR(300),
    price_min           NUMERIC(18, 2),
    price_max           NUMERIC(18, 2),
    currency            CHAR(3),
    strengths           VARCHAR(2000) NOT NULL,
    weaknesses          VARCHAR(2000)
);

CREATE TABLE crm_competitor_client (
    id            BIGSERIAL PRIMARY KEY,
    competitor_id UUID         NOT NULL REFERENCES crm_competitor (id) ON DELETE CASCADE,
    client        VARCHAR(300) NOT NULL,
    since         DATE         NOT NULL
);

CREATE TABLE crm_segment (
    id              UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL,
    region          VARCHAR(10),
    volume_min      NUMERIC(18, 2),
    volume_max      NUMERIC(18, 2),
    market_role     VARCHAR(100)
);

CREATE TABLE crm_channel_spend (
    id              UUID PRIMARY KEY,
    organization_id UUID           NOT NULL,
    channel         VARCHAR(20)    NOT NULL,
    amount          NUMERIC(18, 2) NOT NULL CHECK (amount >= 0),
    spent_on        DATE           NOT NULL,
    note            VARCHAR(500)
);
