package org.openetp.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openetp.ledger.ChargeHistory.Charge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model's tariff revenue: one row per ledger charge, summed per month and currency for the operator. */
@Repository
class RevenueRepository {

    /** A month's tariff revenue in one currency and the organizations that paid it. */
    record MonthRevenue(LocalDate month, String currency, BigDecimal amount, long payers) {
    }

    private final JdbcClient jdbc;

    RevenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a charge, or rewrites it (a listener retried, a rebuild): the row is keyed by its posting. */
    void save(Charge charge) {
        jdbc.sql("""
                INSERT INTO analytics_revenue (posting_id, organization_id, charged_at, amount, currency)
                VALUES (:posting, :organization, :at, :amount, :currency)
                ON CONFLICT (posting_id) DO UPDATE SET refreshed_at = clock_timestamp()""")
                .param("posting", charge.posting()).param("organization", charge.organization().value())
                .param("at", Timestamp.from(charge.chargedAt())).param("amount", charge.amount().amount())
                .param("currency", charge.amount().currency()).update();
    }

    /** Removes the rows a rebuild did not write (of the database's clock), demo rows kept. */
    void deleteOlderThan(Instant at) {
        jdbc.sql("DELETE FROM analytics_revenue WHERE refreshed_at < :at AND NOT demo")
                .param("at", Timestamp.from(at)).update();
    }

    /** Revenue per month (UTC) and currency over the filter's period, oldest month first. */
    List<MonthRevenue> perMonth(Filter f) {
        return jdbc.sql("""
                SELECT date_trunc('month', charged_at AT TIME ZONE 'UTC') m, currency, sum(amount) a,
                    count(DISTINCT organization_id) payers
                FROM analytics_revenue WHERE charged_at >= :from AND charged_at < :to
                GROUP BY m, currency ORDER BY m, currency""")
                .param("from", Timestamp.from(f.start())).param("to", Timestamp.from(f.end()))
                .query((rs, n) -> new MonthRevenue(rs.getTimestamp("m").toLocalDateTime().toLocalDate(),
                        rs.getString("currency").strip(), rs.getBigDecimal("a"), rs.getLong("payers")))
                .list();
    }

    /** Writes a charge of the demo history, which a rebuild keeps (as it keeps the demo lots). */
    void saveDemo(Charge charge) {
        jdbc.sql("""
                INSERT INTO analytics_revenue (posting_id, organization_id, charged_at, amount, currency, demo)
                VALUES (:posting, :organization, :at, :amount, :currency, TRUE) ON CONFLICT (posting_id) DO NOTHING""")
                .param("posting", charge.posting()).param("organization", charge.organization().value())
                .param("at", Timestamp.from(charge.chargedAt())).param("amount", charge.amount().amount())
                .param("currency", charge.amount().currency()).update();
    }
}
