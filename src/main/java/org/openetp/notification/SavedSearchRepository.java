package org.openetp.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.procurement.ProcedureKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved searches: their owners manage them; a new procedure looks up the ones that may match it. */
@Repository
class SavedSearchRepository {

    /** A saved search with its owner. */
    record Subscription(UserId owner, SavedSearch search) {
    }

    private static final String COLUMNS = """
            id, user_id, query, category_code, region_code, kind, price_from, price_to, created_at""";

    private final JdbcClient jdbc;

    SavedSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserId owner, SavedSearch s) {
        jdbc.sql("""
                INSERT INTO saved_search (id, user_id, query, category_code, region_code, kind, price_from, price_to,
                    created_at)
                VALUES (:id, :user, :query, :category, :region, :kind, :priceFrom, :priceTo, :at)
                """)
                .param("id", s.id()).param("user", owner.value()).param("query", s.q())
                .param("category", s.category()).param("region", s.region())
                .param("kind", s.kind() == null ? null : s.kind().name())
                .param("priceFrom", s.priceFrom()).param("priceTo", s.priceTo())
                .param("at", Timestamp.from(s.createdAt()))
                .update();
    }

    List<SavedSearch> of(UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM saved_search WHERE user_id = :user ORDER BY created_at, id")
                .param("user", owner.value()).query((rs, n) -> map(rs).search()).list();
    }

    long count(UserId owner) {
        return jdbc.sql("SELECT count(*) FROM saved_search WHERE user_id = :user").param("user", owner.value())
                .query(Long.class).single();
    }

    /** Deletes one of the owner's searches; false when the owner has no such search. */
    boolean delete(UserId owner, UUID id) {
        return jdbc.sql("DELETE FROM saved_search WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", owner.value()).update() == 1;
    }

    /**
     * The searches that can match a procedure of the kind whose lots are in these categories (with their ancestors)
     * and regions: a first cut in SQL, so that only these few are matched in full in Java.
     */
    List<Subscription> candidates(ProcedureKind kind, Collection<String> categories, Collection<String> regions) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM saved_search
                WHERE (kind IS NULL OR kind = :kind)
                  AND (category_code IS NULL OR category_code = ANY (:categories))
                  AND (region_code IS NULL OR region_code = ANY (:regions))
                """)
                .param("kind", kind.name()).param("categories", categories.toArray(String[]::new))
                .param("regions", regions.toArray(String[]::new))
                .query((rs, n) -> map(rs)).list();
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return new Subscription(new UserId(rs.getObject("user_id", UUID.class)),
                new SavedSearch(rs.getObject("id", UUID.class), rs.getString("query"), rs.getString("category_code"),
                        rs.getString("region_code"), kind == null ? null : ProcedureKind.valueOf(kind),
                        rs.getBigDecimal("price_from"), rs.getBigDecimal("price_to"),
                        rs.getTimestamp("created_at").toInstant()));
    }
}
