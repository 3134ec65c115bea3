-- Tenders by invitation (SPEC §5.1: closed tenders, competitive negotiations, or any procedure whose invitedOnly
-- setting is on): the supplier organizations the buyer invited. Only they see the procedure and may bid.
CREATE TABLE procedure_invitation (
    procedure_id    UUID        NOT NULL REFERENCES procedure (id),
    organization_id UUID        NOT NULL,
    invited_by      UUID        NOT NULL,
    invited_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (procedure_id, organization_id)
);
-- "Procedures I am invited to" for a supplier's page.
CREATE INDEX procedure_invitation_organization ON procedure_invitation (organization_id, invited_at DESC);

-- The steps before priced bids: qualification applications (pre-qualification tenders) and stage-1 technical
-- proposals without price (two-stage tenders). One per organization and step, replaced until the step's deadline;
-- the buyer then judges each (ACCEPTED / REJECTED with a reason) and publishes the step's protocol.
CREATE TABLE stage_application (
    id              UUID PRIMARY KEY,
    procedure_id    UUID           NOT NULL REFERENCES procedure (id),
    stage           VARCHAR(20)    NOT NULL CHECK (stage IN ('QUALIFICATION', 'STAGE_ONE')),
    organization_id UUID           NOT NULL,
    submitted_by    UUID           NOT NULL,
    text            VARCHAR(20000) NOT NULL,
    documents_ref   VARCHAR(1000),
    submitted_at    TIMESTAMPTZ    NOT NULL,
    status          VARCHAR(10)    NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    reason          VARCHAR(5000),
    decided_by      UUID,
    decided_at      TIMESTAMPTZ,
    UNIQUE (procedure_id, stage, organization_id),
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);

-- Competitive negotiations: one private thread per invited supplier organization (buyer <-> that supplier only).
CREATE TABLE negotiation_message (
    id              UUID PRIMARY KEY,
    procedure_id    UUID          NOT NULL REFERENCES procedure (id),
    supplier_org    UUID          NOT NULL,
    from_buyer      BOOLEAN       NOT NULL,
    author          UUID          NOT NULL,
    text            VARCHAR(5000) NOT NULL,
    sent_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX negotiation_message_thread ON negotiation_message (procedure_id, supplier_org, sent_at);

-- The call for final offers (its deadline becomes the procedure's submission deadline) and, per lot, the buyer's
-- choice among the opened final offers with its reason.
CREATE TABLE negotiation_call (
    procedure_id UUID PRIMARY KEY REFERENCES procedure (id),
    deadline     TIMESTAMPTZ NOT NULL,
    called_by    UUID        NOT NULL,
    called_at    TIMESTAMPTZ NOT NULL
);
CREATE TABLE negotiation_choice (
    lot_id       UUID PRIMARY KEY REFERENCES lot (id),
    procedure_id UUID          NOT NULL REFERENCES procedure (id),
    bid_id       UUID          NOT NULL REFERENCES bid (id),
    reason       VARCHAR(5000) NOT NULL,
    chosen_by    UUID          NOT NULL,
    chosen_at    TIMESTAMPTZ   NOT NULL
);

-- Protocols of every stage (qualification, stage 1, negotiations, and the other kinds' own): the kind list grows with
-- the kinds, so the database checks its form rather than a closed list.
ALTER TABLE protocol DROP CONSTRAINT IF EXISTS protocol_kind_check;
ALTER TABLE protocol ADD CONSTRAINT protocol_kind_check CHECK (kind ~ '^[A-Z][A-Z_]{1,19}$');

-- The tender switches of procedure settings, off for every procedure stored before them (they are read as off when
-- missing, too, but the stored document then says what rules the procedure runs).
UPDATE procedure SET settings = '{"invitedOnly": false, "smeOnly": false, "prequalification": false,
    "twoStage": false}'::jsonb || settings;
