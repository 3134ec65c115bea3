-- Loyalty programs of selling organizations for their client companies (SPEC §8), on a points ledger of their own:
-- points and money credits are not platform money, so nothing here touches ledger_* tables.

-- A program. Its earning rules live in loyalty_rules, one row per version: a change adds a version that applies
-- from then on, and an earning records the version it used, so what was earned is never re-priced.
CREATE TABLE loyalty_program (
    id            UUID PRIMARY KEY,
    seller_id     UUID          NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    currency      CHAR(3)       NOT NULL,
    starts_on     DATE          NOT NULL,
    ends_on       DATE,
    rules_version INTEGER       NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    CONSTRAINT loyalty_program_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX loyalty_program_seller ON loyalty_program (seller_id);

CREATE TABLE loyalty_rules (
    program_id       UUID           NOT NULL REFERENCES loyalty_program (id),
    version          INTEGER        NOT NULL,
    points_per_unit  NUMERIC(19, 6) NOT NULL CHECK (points_per_unit >= 0),
    cashback_percent NUMERIC(7, 4)  NOT NULL CHECK (cashback_percent >= 0 AND cashback_percent <= 100),
    expiry           VARCHAR(40)    NOT NULL,
    lock_period      VARCHAR(40)    NOT NULL,
    valid_from       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (program_id, version)
);

CREATE TABLE loyalty_rules_category (
    program_id      UUID           NOT NULL,
    version         INTEGER        NOT NULL,
    category_code   VARCHAR(40)    NOT NULL,
    points_per_unit NUMERIC(19, 6) NOT NULL CHECK (points_per_unit >= 0),
    PRIMARY KEY (program_id, version, category_code),
    FOREIGN KEY (program_id, version) REFERENCES loyalty_rules (program_id, version)
);

-- Tiers by rolling 12-month volume, ranked from 1 upwards by their minimum volume.
CREATE TABLE loyalty_rules_tier (
    program_id UUID           NOT NULL,
    version    INTEGER        NOT NULL,
    rank       SMALLINT       NOT NULL CHECK (rank >= 1),
    name       VARCHAR(100)   NOT NULL,
    min_volume NUMERIC(19, 2) NOT NULL CHECK (min_volume >= 0),
    multiplier NUMERIC(7, 3)  NOT NULL CHECK (multiplier > 0),
    PRIMARY KEY (program_id, version, rank),
    FOREIGN KEY (program_id, version) REFERENCES loyalty_rules (program_id, version)
);

-- A client company in a program: an organization of the platform, or a CRM account outside it (which cannot sign
-- in and gets its statements by e-mail). tier_rank 0 is "no tier yet" (multiplier 1).
CREATE TABLE loyalty_member (
    id                UUID PRIMARY KEY,
    program_id        UUID           NOT NULL REFERENCES loyalty_program (id),
    client_id         UUID,
    crm_account_id    UUID,
    name              VARCHAR(300)   NOT NULL,
    email             VARCHAR(200),
    tier_rank         SMALLINT       NOT NULL DEFAULT 0,
    volume            NUMERIC(19, 2) NOT NULL DEFAULT 0,
    tier_computed_at  TIMESTAMPTZ,
    joined_at         TIMESTAMPTZ    NOT NULL,
    CONSTRAINT loyalty_member_who CHECK ((client_id IS NULL) <> (crm_account_id IS NULL))
);
CREATE UNIQUE INDEX loyalty_member_client ON loyalty_member (program_id, client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX loyalty_member_crm ON loyalty_member (program_id, crm_account_id) WHERE crm_account_id IS NOT NULL;
CREATE INDEX loyalty_member_of_client ON loyalty_member (client_id);

-- An earning from a contract or a deal: once per program and source (the unique key makes redelivery harmless).
CREATE TABLE loyalty_earning (
    id            UUID PRIMARY KEY,
    program_id    UUID           NOT NULL REFERENCES loyalty_program (id),
    member_id     UUID           NOT NULL REFERENCES loyalty_member (id),
    source        VARCHAR(20)    NOT NULL CHECK (source IN ('CONTRACT', 'DEAL', 'IMPORT')),
    source_id     UUID           NOT NULL,
    description   VARCHAR(500)   NOT NULL,
    value         NUMERIC(19, 2) NOT NULL CHECK (value >= 0),
    category_code VARCHAR(40),
    rules_version INTEGER        NOT NULL,
    tier_rank     SMALLINT       NOT NULL,
    multiplier    NUMERIC(7, 3)  NOT NULL,
    points        NUMERIC(19, 2) NOT NULL CHECK (points >= 0),
    credit        NUMERIC(19, 2) NOT NULL CHECK (credit >= 0),
    earned_at     TIMESTAMPTZ    NOT NULL,
    reversed_at   TIMESTAMPTZ,
    CONSTRAINT loyalty_earning_once UNIQUE (program_id, source, source_id)
);
CREATE INDEX loyalty_earning_member ON loyalty_earning (member_id, earned_at);

-- The points ledger. Accounts are named by code: member:<id>:<unit>:pending|available for a client's balances,
-- program:<id>:<unit>:issued|redeemed|expired for the program's side. Every posting's entries sum to zero.
CREATE TABLE loyalty_posting (
    id              UUID PRIMARY KEY,
    program_id      UUID           NOT NULL REFERENCES loyalty_program (id),
    member_id       UUID           NOT NULL REFERENCES loyalty_member (id),
    kind            VARCHAR(10)    NOT NULL CHECK (kind IN ('EARN', 'UNLOCK', 'REDEEM', 'EXPIRE', 'REVERSE', 'ADJUST')),
    unit            VARCHAR(10)    NOT NULL CHECK (unit IN ('POINTS', 'CREDIT')),
    amount          NUMERIC(19, 2) NOT NULL CHECK (amount <> 0),
    idempotency_key VARCHAR(200)   NOT NULL CONSTRAINT loyalty_posting_key UNIQUE,
    memo            VARCHAR(500)   NOT NULL,
    actor           VARCHAR(100)   NOT NULL,
    posted_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX loyalty_posting_program ON loyalty_posting (program_id, kind, unit);

CREATE TABLE loyalty_entry (
    posting_id UUID           NOT NULL REFERENCES loyalty_posting (id),
    line       SMALLINT       NOT NULL,
    account    VARCHAR(120)   NOT NULL,
    amount     NUMERIC(19, 2) NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (posting_id, line)
);

-- A member's balances per unit, one row, so a posting locks one row and the CHECKs keep "never negative" under any
-- concurrency: a conditional UPDATE that would break them matches no row.
CREATE TABLE loyalty_balance (
    member_id UUID           NOT NULL REFERENCES loyalty_member (id),
    unit      VARCHAR(10)    NOT NULL,
    pending   NUMERIC(19, 2) NOT NULL CHECK (pending >= 0),
    available NUMERIC(19, 2) NOT NULL CHECK (available >= 0),
    version   BIGINT         NOT NULL,
    PRIMARY KEY (member_id, unit)
);

-- One statement line per posting, with the balances right after it, taken under the row lock.
CREATE TABLE loyalty_movement (
    member_id        UUID           NOT NULL,
    unit             VARCHAR(10)    NOT NULL,
    version          BIGINT         NOT NULL,
    posting_id       UUID           NOT NULL REFERENCES loyalty_posting (id),
    posted_at        TIMESTAMPTZ    NOT NULL,
    pending_change   NUMERIC(19, 2) NOT NULL,
    available_change NUMERIC(19, 2) NOT NULL,
    pending_after    NUMERIC(19, 2) NOT NULL CHECK (pending_after >= 0),
    available_after  NUMERIC(19, 2) NOT NULL CHECK (available_after >= 0),
    PRIMARY KEY (member_id, unit, version)
);
CREATE INDEX loyalty_movement_time ON loyalty_movement (member_id, unit, posted_at);

-- What is left of each earning per unit: expiry and redemption take from these, soonest-expiring first.
-- PENDING awards are locked, AVAILABLE ones spendable, CLOSED ones reversed, expired or spent.
CREATE TABLE loyalty_award (
    id              UUID PRIMARY KEY,
    member_id       UUID           NOT NULL REFERENCES loyalty_member (id),
    unit            VARCHAR(10)    NOT NULL,
    earning_id      UUID REFERENCES loyalty_earning (id),
    amount          NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    remaining       NUMERIC(19, 2) NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    status          VARCHAR(10)    NOT NULL CHECK (status IN ('PENDING', 'AVAILABLE', 'CLOSED')),
    earned_at       TIMESTAMPTZ    NOT NULL,
    unlocks_at      TIMESTAMPTZ    NOT NULL,
    expires_at      TIMESTAMPTZ,
    expiry_notified BOOLEAN        NOT NULL DEFAULT FALSE
);
CREATE INDEX loyalty_award_spend ON loyalty_award (member_id, unit, status, expires_at);
CREATE INDEX loyalty_award_unlock ON loyalty_award (unlocks_at) WHERE status = 'PENDING';
CREATE INDEX loyalty_award_expire ON loyalty_award (expires_at) WHERE status = 'AVAILABLE';

-- Which awards a redemption, an expiry or a negative adjustment took from.
CREATE TABLE loyalty_allocation (
    posting_id UUID           NOT NULL REFERENCES loyalty_posting (id),
    award_id   UUID           NOT NULL REFERENCES loyalty_award (id),
    amount     NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (posting_id, award_id)
);

CREATE TABLE loyalty_reward (
    id            UUID PRIMARY KEY,
    program_id    UUID           NOT NULL REFERENCES loyalty_program (id),
    kind          VARCHAR(20)    NOT NULL CHECK (kind IN ('MONEY_CREDIT', 'MARKETING', 'CHARITY', 'TRAINING')),
    name          VARCHAR(200)   NOT NULL,
    description   VARCHAR(1000)  NOT NULL,
    points        NUMERIC(19, 2) NOT NULL CHECK (points > 0),
    credit_amount NUMERIC(19, 2) CHECK (credit_amount > 0),
    stock         INTEGER CHECK (stock >= 0),
    active        BOOLEAN        NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL,
    CONSTRAINT loyalty_reward_credit CHECK ((credit_amount IS NOT NULL) = (kind = 'MONEY_CREDIT'))
);

-- A redemption and its fulfilment; a money credit is a credit note the seller owes the client, settled outside
-- the platform (e.g. on its next invoice), recorded here with its settlement reference.
CREATE TABLE loyalty_redemption (
    id               UUID PRIMARY KEY,
    program_id       UUID           NOT NULL REFERENCES loyalty_program (id),
    member_id        UUID           NOT NULL REFERENCES loyalty_member (id),
    reward_id        UUID           NOT NULL REFERENCES loyalty_reward (id),
    posting_id       UUID           NOT NULL UNIQUE REFERENCES loyalty_posting (id),
    points           NUMERIC(19, 2) NOT NULL,
    credit_amount    NUMERIC(19, 2),
    status           VARCHAR(10)    NOT NULL CHECK (status IN ('REQUESTED', 'FULFILLED')),
    requested_by     UUID           NOT NULL,
    requested_at     TIMESTAMPTZ    NOT NULL,
    fulfilled_by     UUID,
    fulfilled_at     TIMESTAMPTZ,
    settlement       VARCHAR(500)
);
CREATE INDEX loyalty_redemption_program ON loyalty_redemption (program_id, status, requested_at);

-- Postings, entries, allocations, statement lines and rule versions are never changed or removed.
CREATE FUNCTION loyalty_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['loyalty_posting', 'loyalty_entry', 'loyalty_movement', 'loyalty_allocation',
            'loyalty_rules', 'loyalty_rules_category', 'loyalty_rules_tier'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW '
                || 'EXECUTE FUNCTION loyalty_reject_change()', t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                || 'EXECUTE FUNCTION loyalty_reject_change()', t || '_no_truncate', t);
    END LOOP;
END $$;

-- Double entry as a database rule: at commit, every posting has at least two entries summing to zero.
CREATE FUNCTION loyalty_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    posting UUID;
    entries BIGINT;
    total   NUMERIC;
BEGIN
    IF TG_TABLE_NAME = 'loyalty_posting' THEN
        posting := NEW.id;
    ELSE
        posting := NEW.posting_id;
    END IF;
    SELECT count(*), coalesce(sum(amount), 0) INTO entries, total FROM loyalty_entry WHERE posting_id = posting;
    IF entries < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'loyalty posting % does not balance: % entries summing to %', posting, entries, total;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER loyalty_posting_balanced AFTER INSERT ON loyalty_posting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION loyalty_check_balanced();
CREATE CONSTRAINT TRIGGER loyalty_entry_balanced AFTER INSERT ON loyalty_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION loyalty_check_balanced();
