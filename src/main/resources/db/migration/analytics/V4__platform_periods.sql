-- The platform's figures that do not sum (issue 20, second pass): how many distinct organizations were active in a
-- period (published a procedure or bid on one), and its procedures per day without a category. Summing the daily
-- totals' rows cannot tell a distinct count, and the platform's day rows are split per category and currency (about
-- 55,000 rows over three years at 100,000 procedures), so the platform dashboard read one row per buyer and day and
-- every platform day row on each request.

-- A small dense number per organization that was ever active, so that a period's set is a short array of integers.
CREATE TABLE analytics_org (
    idx             INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id UUID    NOT NULL UNIQUE
);

-- Per day (and per month, day = its first day): the organizations active in it, as their sorted numbers, and the
-- procedures published that day (the platform's, every category). A period's distinct count unites the sets of its
-- whole months and of its ragged-end days; recomputed, never added to, with the daily totals of the same days.
CREATE TABLE analytics_platform_period (
    monthly       BOOLEAN   NOT NULL,
    day           DATE      NOT NULL,
    procedures    BIGINT    NOT NULL,
    organizations INTEGER[] NOT NULL,
    PRIMARY KEY (monthly, day)
);

-- An upgraded platform fills the new rows on its next start, with the totals' full recomputation.
UPDATE analytics_build SET totals_at = NULL;
