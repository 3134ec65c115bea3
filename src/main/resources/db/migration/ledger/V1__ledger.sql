-- Money accounts and the double-entry ledger (SPEC §4.4).
--
-- Every money movement is a posting: a set of entries over ledger accounts whose amounts sum to zero. An entry's
-- amount is the signed change of its account's balance: positive puts money into the account, negative takes it
-- out. Each organization has two accounts per currency, `available` and `blocked` (bid deposits); the platform has
-- `bank` (the outside world: its balance is minus the money that ever came in) and `revenue` (tariff charges). So
-- the balances of all accounts always sum to zero, and an organization's balance is available + blocked.

-- Accounts are named by a readable code, e.g. `organization:<uuid>:RUB:available` or `platform:RUB:bank`.
CREATE TABLE ledger_account (
    code            VARCHAR(100) PRIMARY KEY,
    organization_id UUID,
    currency        CHAR(3)      NOT NULL,
    kind            VARCHAR(20)  NOT NULL CHECK (kind IN ('AVAILABLE', 'BLOCKED', 'BANK', 'REVENUE')),
    CONSTRAINT ledger_account_owner CHECK ((organization_id IS NULL) = (kind IN ('BANK', 'REVENUE')))
);

-- A posting with the parameters it was asked with, so a replay of its idempotency key can be told apart from a
-- different request reusing the key. The key is unique here, in the database, not checked in memory.
CREATE TABLE ledger_posting (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL CHECK (kind IN ('TOP_UP', 'CHARGE', 'BLOCK', 'RELEASE', 'FORFEIT')),
    idempotency_key VARCHAR(200)  NOT NULL CONSTRAINT ledger_posting_key UNIQUE,
    organization_id UUID          NOT NULL,
    -- The receiving organization of a forfeit; null for every other kind.
    counterparty_id UUID,
    amount          NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)       NOT NULL,
    memo            VARCHAR(500)  NOT NULL,
    actor           VARCHAR(100)  NOT NULL,
    posted_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT ledger_posting_counterparty CHECK ((counterparty_id IS NOT NULL) = (kind = 'FORFEIT'))
);

CREATE TABLE ledger_entry (
    posting_id UUID          NOT NULL REFERENCES ledger_posting (id),
    line       SMALLINT      NOT NULL,
    account    VARCHAR(100)  NOT NULL REFERENCES ledger_account (code),
    amount     NUMERIC(19, 2) NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (posting_id, line)
);
CREATE INDEX ledger_entry_account ON ledger_entry (account);

-- The current balances of one organization in one currency: a projection of its two accounts' entries, written in
-- the posting's transaction. Both columns live in one row so that a posting locks one row per organization, and the
-- CHECKs make "never negative" hold under any concurrency: a conditional UPDATE that would break them matches no
-- row (or fails). The platform's accounts have no row here on purpose: every top-up and charge would otherwise
-- queue on one platform-wide row; their balances are sums of entries.
CREATE TABLE ledger_balance (
    organization_id UUID          NOT NULL,
    currency        CHAR(3)       NOT NULL,
    available       NUMERIC(19, 2) NOT NULL CHECK (available >= 0),
    blocked         NUMERIC(19, 2) NOT NULL CHECK (blocked >= 0),
    -- Counts the postings that touched the row; orders the statement exactly as the row lock ordered them.
    version         BIGINT        NOT NULL,
    PRIMARY KEY (organization_id, currency)
);

-- One statement line per posting and organization touched (a forfeit touches two), with the balances right after
-- it, taken under the row lock.
CREATE TABLE ledger_movement (
    organization_id  UUID          NOT NULL,
    currency         CHAR(3)       NOT NULL,
    version          BIGINT        NOT NULL,
    posting_id       UUID          NOT NULL REFERENCES ledger_posting (id),
    posted_at        TIMESTAMPTZ   NOT NULL,
    available_change NUMERIC(19, 2) NOT NULL,
    blocked_change   NUMERIC(19, 2) NOT NULL,
    available_after  NUMERIC(19, 2) NOT NULL CHECK (available_after >= 0),
    blocked_after    NUMERIC(19, 2) NOT NULL CHECK (blocked_after >= 0),
    PRIMARY KEY (organization_id, currency, version)
);
CREATE INDEX ledger_movement_time ON ledger_movement (organization_id, currency, posted_at);

-- Postings, entries, statement lines and account names are never changed or removed: a mistake is corrected by a
-- new posting. This stops application bugs and careless hands; the journal's hash chain covers the rest.
CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;

CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_posting_no_truncate BEFORE TRUNCATE ON ledger_posting
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_movement_append_only BEFORE UPDATE OR DELETE ON ledger_movement
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_movement_no_truncate BEFORE TRUNCATE ON ledger_movement
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_account_append_only BEFORE UPDATE OR DELETE ON ledger_account
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_account_no_truncate BEFORE TRUNCATE ON ledger_account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- Double entry as a database rule: when the transaction commits, every posting it wrote or added entries to has at
-- least two entries and they sum to zero. Deferred, because a posting and its entries are inserted one statement
-- after another.
CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    posting UUID;
    entries BIGINT;
    total   NUMERIC;
BEGIN
    IF TG_TABLE_NAME = 'ledger_posting' THEN
        posting := NEW.id;
    ELSE
        posting := NEW.posting_id;
    END IF;
    SELECT count(*), coalesce(sum(amount), 0) INTO entries, total FROM ledger_entry WHERE posting_id = posting;
    IF entries < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'ledger posting % does not balance: % entries summing to %', posting, entries, total;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_posting_balanced AFTER INSERT ON ledger_posting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced();
