-- Pre-aggregated totals of the read model (issue 20: dashboards fast at 760,000 procedures). One row per buyer, day
-- (or month), category and currency, and the same for the whole platform under the nil buyer; every column sums, so
-- a period's figures add its ragged-end days to its whole months. Written by the same store that writes the lot rows
-- (listeners and rebuild), recomputed from the lot rows of the days and months a write touched.
CREATE TABLE analytics_daily (
    buyer_id              UUID        NOT NULL,
    -- A month's row (day = the month's first day) summing that month's day rows; false for a day's row.
    monthly               BOOLEAN     NOT NULL,
    day                   DATE        NOT NULL,
    category_code         VARCHAR(20) NOT NULL,
    currency              CHAR(3)     NOT NULL,
    -- Procedures whose first lot (the lowest number) is in this row: their sum counts each procedure once.
    procedures            BIGINT      NOT NULL,
    lots                  BIGINT      NOT NULL,
    opened_lots           BIGINT      NOT NULL,
    opened_bids           BIGINT      NOT NULL,
    rejected_bids         BIGINT      NOT NULL,
    bid_rows              BIGINT      NOT NULL,
    sme_bids              BIGINT      NOT NULL,
    awarded               BIGINT      NOT NULL,
    awarded_priced        BIGINT      NOT NULL,
    single_bidder         BIGINT      NOT NULL,
    price_only            BIGINT      NOT NULL,
    non_competitive       BIGINT      NOT NULL,
    cancelled             BIGINT      NOT NULL,
    finished              BIGINT      NOT NULL,
    contracted            BIGINT      NOT NULL,
    -- Under the thresholds of the time of writing: a changed threshold recomputes every row.
    short_period          BIGINT      NOT NULL,
    winners_sme           BIGINT      NOT NULL,
    decided               BIGINT      NOT NULL,
    decision_days         NUMERIC     NOT NULL,
    cycled                BIGINT      NOT NULL,
    cycle_days            NUMERIC     NOT NULL,
    awarded_start         NUMERIC     NOT NULL,
    awarded_value         NUMERIC     NOT NULL,
    gain                  NUMERIC     NOT NULL,
    volume                NUMERIC     NOT NULL,
    opened_value          NUMERIC     NOT NULL,
    non_competitive_value NUMERIC     NOT NULL,
    PRIMARY KEY (buyer_id, monthly, day, category_code, currency)
);
CREATE INDEX analytics_daily_day ON analytics_daily (day) WHERE NOT monthly;

-- When the totals were last computed from every lot row (null: never, so the next start computes them).
ALTER TABLE analytics_build ADD COLUMN totals_at TIMESTAMPTZ;

-- A supplier's awarded revenue reads the lots it won (the analytics benchmark at 100,000 procedures: without it the
-- supplier dashboard scanned every lot row, 320 ms at one client).
CREATE INDEX analytics_lot_winner ON analytics_lot (winner_id, published_at) WHERE winner_id IS NOT NULL;
