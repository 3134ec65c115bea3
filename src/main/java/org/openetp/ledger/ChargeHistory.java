package org.openetp.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's charges (tariffs paid from an organization's money) and credits (the unused days of a plan an
 * upgrade replaced, given back) in the order they were posted, read a page at a time: how the analytics read model
 * rebuilds the platform's tariff revenue without reading the ledger's tables.
 */
@Repository
@Transactional(readOnly = true)
public class ChargeHistory {

    /** One charge (a credit as a negative amount): the posting, the organization, the amount and when. */
    public record Charge(UUID posting, OrganizationId organization, Money amount, Instant chargedAt) {
    }

    private final JdbcClient jdbc;

    ChargeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} charges posted after ({@code at}, {@code posting}), oldest first. */
    public List<Charge> after(Instant at, UUID posting, int limit) {
        return jdbc.sql("""
                SELECT id, organization_id, CASE WHEN kind = 'CREDIT' THEN -amount ELSE amount END amount, currency,
                    posted_at FROM ledger_posting
                WHERE kind IN ('CHARGE', 'CREDIT') AND (posted_at, id) > (:at, :posting)
                ORDER BY posted_at, id LIMIT :limit""")
                .param("at", Timestamp.from(at)).param("posting", posting).param("limit", limit)
                .query((rs, n) -> new Charge(rs.getObject("id", UUID.class),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        Money.of(rs.getBigDecimal("amount"), rs.getString("currency").strip()),
                        rs.getTimestamp("posted_at").toInstant()))
                .list();
    }
}
