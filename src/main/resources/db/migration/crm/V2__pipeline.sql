-- The pipeline board (issue 18): a probability per stage that the head may adjust, a deal's own override, and the
-- moment a deal entered its stage (days in stage on the card).
CREATE TABLE crm_stage_probability (
    organization_id UUID        NOT NULL,
    stage           VARCHAR(20) NOT NULL
        CHECK (stage IN ('RESEARCH', 'CONTACT', 'NEED', 'PRESENT', 'CLOSE', 'LOST')),
    percent         SMALLINT    NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (organization_id, stage)
);

ALTER TABLE crm_deal ADD COLUMN probability SMALLINT CHECK (probability BETWEEN 0 AND 100);
ALTER TABLE crm_deal ADD COLUMN stage_since TIMESTAMPTZ;
UPDATE crm_deal d SET stage_since = COALESCE(
    (SELECT max(h.at) FROM crm_deal_history h WHERE h.deal_id = d.id), d.created_at);
ALTER TABLE crm_deal ALTER COLUMN stage_since SET NOT NULL;
CREATE INDEX crm_deal_next_action ON crm_deal (organization_id, owner_id, next_action_date);
-- The day the owner was last told that the deal's next action is due: one notice per due date, not one a minute.
ALTER TABLE crm_deal ADD COLUMN reminded_on DATE;
