-- Tariff plans, free participation rules, subscriptions, invoices and payments (SPEC §4.1–4.3).

-- A plan the operator sells (SPEC §4.1). Its limits: which procedure families a subscriber may bid in (AUCTIONS or
-- ALL) and the highest lot start price, in the plan's currency (NULL: any price, any currency).
CREATE TABLE tariff_plan (
    code                VARCHAR(40)    PRIMARY KEY,
    name_en             VARCHAR(100)   NOT NULL,
    name_ru             VARCHAR(100)   NOT NULL,
    name_th             VARCHAR(100)   NOT NULL,
    price               NUMERIC(19, 2) NOT NULL CHECK (price > 0),
    currency            CHAR(3)        NOT NULL,
    period_days         INTEGER        NOT NULL CHECK (period_days BETWEEN 1 AND 3660),
    families            VARCHAR(20)    NOT NULL CHECK (families IN ('AUCTIONS', 'ALL')),
    max_lot_start_price NUMERIC(19, 2) CHECK (max_lot_start_price > 0),
    active              BOOLEAN        NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL
);

INSERT INTO tariff_plan (code, name_en, name_ru, name_th, price, currency, period_days, families,
                         max_lot_start_price, active, created_at, updated_at)
VALUES ('SMALL_BUSINESS', 'Small business', 'Малый бизнес', 'ธุรกิจขนาดเล็ก', 1000.00, 'RUB', 30, 'AUCTIONS',
        600000.00, TRUE, now(), now()),
       ('FULL', 'Full', 'Полный', 'เต็มรูปแบบ', 10000.00, 'RUB', 30, 'ALL', NULL, TRUE, now(), now()),
       ('FULL_QUARTER', 'Full, quarter', 'Полный, квартал', 'เต็มรูปแบบ รายไตรมาส', 27000.00, 'RUB', 90, 'ALL',
        NULL, TRUE, now(), now()),
       ('FULL_YEAR', 'Full, year', 'Полный, год', 'เต็มรูปแบบ รายปี', 96000.00, 'RUB', 365, 'ALL', NULL, TRUE,
        now(), now());

-- Purchases that need no plan (SPEC §4.2): the buyer organization's industry and a lot start price ceiling in one
-- currency. Industries compare case-insensitively, as organizations type them at registration.
CREATE TABLE free_participation_rule (
    id         UUID           PRIMARY KEY,
    industry   VARCHAR(200)   NOT NULL,
    max_price  NUMERIC(19, 2) NOT NULL CHECK (max_price > 0),
    currency   CHAR(3)        NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL
);
CREATE UNIQUE INDEX free_participation_rule_once ON free_participation_rule (upper(industry), currency);

INSERT INTO free_participation_rule (id, industry, max_price, currency, created_at, updated_at)
VALUES ('6b1f3c1e-4f1a-4d8e-9a57-0c3d2e5a7b01', 'NUCLEAR', 200000.00, 'RUB', now(), now());

-- A plan bought by an organization. What was bought is copied from the plan when it is requested, so a later change
-- of the plan changes neither the invoice nor what a paid subscription allows. starts_at/ends_at are set when the
-- payment is recorded; expiry_notified_at makes the "expires soon" notice once-only across nodes and restarts.
CREATE TABLE subscription (
    id                  UUID           PRIMARY KEY,
    organization_id     UUID           NOT NULL,
    plan_code           VARCHAR(40)    NOT NULL REFERENCES tariff_plan (code),
    plan_name_en        VARCHAR(100)   NOT NULL,
    plan_name_ru        VARCHAR(100)   NOT NULL,
    plan_name_th        VARCHAR(100)   NOT NULL,
    price               NUMERIC(19, 2) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    period_days         INTEGER        NOT NULL,
    families            VARCHAR(20)    NOT NULL,
    max_lot_start_price NUMERIC(19, 2),
    status              VARCHAR(20)    NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'ACTIVE', 'CANCELLED')),
    requested_by        UUID           NOT NULL,
    requested_at        TIMESTAMPTZ    NOT NULL,
    starts_at           TIMESTAMPTZ,
    ends_at             TIMESTAMPTZ,
    expiry_notified_at  TIMESTAMPTZ,
    CHECK ((status = 'ACTIVE') = (starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at))
);
CREATE INDEX subscription_organization ON subscription (organization_id, requested_at DESC);
CREATE INDEX subscription_active_end ON subscription (ends_at) WHERE status = 'ACTIVE';

-- Invoice numbers run per calendar year (UTC): 2026-000001, 2026-000002, ...
CREATE TABLE invoice_counter (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- The invoice for a subscription: a document, so both parties' requisites are copied in as they were when it was
-- issued.
CREATE TABLE invoice (
    id                UUID           PRIMARY KEY,
    number            VARCHAR(20)    NOT NULL UNIQUE,
    subscription_id   UUID           NOT NULL UNIQUE REFERENCES subscription (id),
    organization_id   UUID           NOT NULL,
    issued_at         TIMESTAMPTZ    NOT NULL,
    seller_name       VARCHAR(500)   NOT NULL,
    seller_tax_id     VARCHAR(50)    NOT NULL,
    seller_address    VARCHAR(500)   NOT NULL,
    seller_bank       VARCHAR(500)   NOT NULL,
    seller_account    VARCHAR(100)   NOT NULL,
    buyer_name        VARCHAR(500)   NOT NULL,
    buyer_tax_id      VARCHAR(50)    NOT NULL,
    buyer_kpp         VARCHAR(20),
    buyer_ogrn        VARCHAR(20),
    buyer_address     VARCHAR(500)   NOT NULL,
    amount            NUMERIC(19, 2) NOT NULL,
    currency          CHAR(3)        NOT NULL,
    payment_reference VARCHAR(200)   NOT NULL,
    status            VARCHAR(20)    NOT NULL CHECK (status IN ('ISSUED', 'PAID', 'CANCELLED'))
);
CREATE INDEX invoice_organization ON invoice (organization_id, issued_at DESC);
CREATE INDEX invoice_awaiting ON invoice (issued_at) WHERE status = 'ISSUED';

-- The payment of an invoice. One per invoice, by the database: a repeated notice can never count twice.
CREATE TABLE invoice_payment (
    invoice_id  UUID           PRIMARY KEY REFERENCES invoice (id),
    amount      NUMERIC(19, 2) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    reference   VARCHAR(200)   NOT NULL,
    channel     VARCHAR(20)    NOT NULL CHECK (channel IN ('OPERATOR', 'PROVIDER')),
    recorded_by VARCHAR(60)    NOT NULL,
    paid_at     TIMESTAMPTZ    NOT NULL
);
