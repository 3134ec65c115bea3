package org.openetp.analytics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A supplier's figures over its opened bids (definitions in docs/indicators.md): bids of procedures published in the
 * period, of the category's subtree when given. A bid nobody could read yet (before its opening) is not in the model.
 */
@Repository
class SupplierRepository {

    /** Bids, wins and buyers served. */
    record Counts(long bids, long wins, long buyersServed, long rejected) {
    }

    /** Revenue awarded in one currency (lots the supplier won, at the awarded price). */
    record Revenue(String currency, BigDecimal amount) {
    }

    /** Per category: bids, wins and revenue in one currency. */
    record CategoryFigures(String category, String currency, long bids, long wins, BigDecimal revenue) {
    }

    /** Who won the lots the supplier lost, how often, and by how much lower (or, in a sale, higher) a price. */
    record LostTo(UUID winner, String currency, long lots, @Nullable BigDecimal priceGap) {
    }

    private static final String BIDS = """
            FROM analytics_bid b
            WHERE b.bidder_id = :supplier AND b.published_at >= :from AND b.published_at < :to
              AND (CAST(:category AS TEXT) IS NULL OR b.category_code LIKE :category || '%')""";

    private final JdbcClient jdbc;

    SupplierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts counts(UUID supplier, Filter f) {
        return params(jdbc.sql("SELECT count(*) bids, count(*) FILTER (WHERE b.won) wins,"
                + " count(DISTINCT b.buyer_id) FILTER (WHERE b.won) buyers,"
                + " count(*) FILTER (WHERE b.rejected) rejected " + BIDS), supplier, f)
                .query((rs, n) -> new Counts(rs.getLong("bids"), rs.getLong("wins"), rs.getLong("buyers"),
                        rs.getLong("rejected")))
                .single();
    }

    List<Revenue> revenue(UUID supplier, Filter f) {
        return params(jdbc.sql("SELECT l.currency, sum(l.award_price) amount FROM analytics_lot l"
                + " WHERE l.winner_id = :supplier AND l.status = 'AWARDED' AND l.award_price IS NOT NULL"
                + " AND l.published_at >= :from AND l.published_at < :to"
                + " AND (CAST(:category AS TEXT) IS NULL OR l.category_code LIKE :category || '%')"
                + " GROUP BY l.currency ORDER BY l.currency"), supplier, f)
                .query((rs, n) -> new Revenue(rs.getString("currency").strip(), rs.getBigDecimal("amount"))).list();
    }

    List<CategoryFigures> byCategory(UUID supplier, Filter f, int limit) {
        return params(jdbc.sql("SELECT b.category_code, b.currency, count(*) bids, count(*) FILTER (WHERE b.won) wins,"
                + " coalesce(sum(l.award_price) FILTER (WHERE l.winner_id = :supplier AND l.status = 'AWARDED'), 0) rev "
                + BIDS.replace("FROM analytics_bid b", "FROM analytics_bid b JOIN analytics_lot l ON l.lot_id = b.lot_id")
                + " GROUP BY b.category_code, b.currency ORDER BY bids DESC, b.category_code LIMIT :limit"),
                supplier, f)
                .param("limit", limit)
                .query((rs, n) -> new CategoryFigures(rs.getString("category_code"), rs.getString("currency").strip(),
                        rs.getLong("bids"), rs.getLong("wins"), rs.getBigDecimal("rev")))
                .list();
    }

    /** The winners of lots the supplier bid on and lost (its bid admitted), most frequent first. */
    List<LostTo> lostTo(UUID supplier, Filter f, int limit) {
        return params(jdbc.sql("SELECT l.winner_id, l.currency, count(*) lots,"
                + " avg(CASE WHEN l.sellers THEN l.award_price - b.price ELSE b.price - l.award_price END) gap "
                + BIDS.replace("FROM analytics_bid b", "FROM analytics_bid b JOIN analytics_lot l ON l.lot_id = b.lot_id")
                + " AND NOT b.won AND NOT b.rejected AND l.status = 'AWARDED' AND l.winner_id IS NOT NULL"
                + " AND l.winner_id <> :supplier"
                + " GROUP BY l.winner_id, l.currency ORDER BY lots DESC, l.winner_id LIMIT :limit"), supplier, f)
                .param("limit", limit)
                .query((rs, n) -> new LostTo(rs.getObject("winner_id", UUID.class), rs.getString("currency").strip(),
                        rs.getLong("lots"), rs.getBigDecimal("gap")))
                .list();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, UUID supplier, Filter f) {
        return sql.param("supplier", supplier).param("from", Timestamp.from(f.start()))
                .param("to", Timestamp.from(f.end())).param("category", f.category());
    }
}
