-- The platform's daily totals rolled up over every category (issue 20, third pass): one row per day (and per month,
-- day = its first day) and currency, each column the sum of the platform's category rows of analytics_daily for the
-- same day and currency. The platform dashboard without a category filter summed about 4,500 category rows per
-- figure over three years (100,000 procedures); these are a few hundred. With a category filter the category rows
-- are read as before. Written in the same transaction and under the same locks as analytics_daily (DailyTotals).
CREATE TABLE analytics_platform_total (
    monthly               BOOLEAN     NOT NULL,
    day                   DATE        NOT NULL,
    currency              CHAR(3)     NOT NULL,
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
    PRIMARY KEY (monthly, day, currency)
);

-- Filled here from the existing category rows, so an upgraded platform (or a kept benchmark data set) has them at once.
INSERT INTO analytics_platform_total
SELECT monthly, day, currency, sum(procedures), sum(lots), sum(opened_lots), sum(opened_bids), sum(rejected_bids),
       sum(bid_rows), sum(sme_bids), sum(awarded), sum(awarded_priced), sum(single_bidder), sum(price_only),
       sum(non_competitive), sum(cancelled), sum(finished), sum(contracted), sum(short_period), sum(winners_sme),
       sum(decided), sum(decision_days), sum(cycled), sum(cycle_days), sum(awarded_start), sum(awarded_value),
       sum(gain), sum(volume), sum(opened_value), sum(non_competitive_value)
FROM analytics_daily
WHERE buyer_id = '00000000-0000-0000-0000-000000000000'
GROUP BY monthly, day, currency;
