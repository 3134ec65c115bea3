package org.openetp.organization.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.search.OrganizationFilter;
import org.openetp.organization.search.OrganizationFilters;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of organization search (issue 19 item 3; conditions and relevance in {@link OrganizationSearchSql}). Names
 * match through the stemmed words (also those of the names' word list a typo away from a word of 5+ letters, when the
 * words as typed found nothing) or the trigram index (Thai substrings); a tax id by prefix; categories through the
 * (code, direction) index of the categories offered. Without words, results come by name then id, read from the (lower(short_name), id) indexes, so that a broad
 * search stops after one page instead of sorting every match. With words, the first 1,000 matches by name are the
 * candidates, ranked by relevance: ranking every match of a frequent word would cost as much as reading them all.
 */
@Repository
public class OrganizationSearchRows {

    /** A row of the search, before its categories are read; {@code rank} is null unless the search is ranked. */
    public record Row(OrganizationId id, String shortName, String fullName, String country, String taxId,
            @Nullable String region, boolean sme, OrganizationStatus status, String sortName, @Nullable Float rank,
            long matches) {
    }

    /**
     * A value of a facet over the first matches: {@code facet} is region, kind or total with its count, or category
     * with a code offered by {@code organization} (count 1), so that the caller can count each organization once
     * per section.
     */
    public record FacetRow(String facet, String value, long count, @Nullable UUID organization) {
    }

    private static final String COLUMNS = """
            o.id, o.short_name, o.full_name, o.country, o.tax_id, o.region_code, o.sme, o.status,
            lower(o.short_name) AS sort_name""";

    private static final String BY_NAME = """
            SELECT %s, NULL AS rank, -1 AS matches
            FROM organization o WHERE %s
            ORDER BY lower(o.short_name), o.id LIMIT :limit OFFSET :offset""";

    /** The candidates are also what is counted, up to the cap, as the catalogue does. */
    private static final String BY_RELEVANCE = """
            WITH candidates AS MATERIALIZED (
                SELECT %s, CAST(%s AS real) AS rank
                FROM organization o WHERE %s
                ORDER BY lower(o.short_name), o.id LIMIT :cap
            )
            SELECT c.*, (SELECT count(*) FROM candidates) AS matches FROM candidates c
            WHERE %s
            ORDER BY c.rank DESC, c.sort_name, c.id LIMIT :limit OFFSET :offset""";

    /**
     * The facets over the first matches (up to the cap): the codes they offer (the caller folds them into sections,
     * counting each organization once), their regions and legal forms.
     */
    private static final String FACETS = """
            WITH m AS MATERIALIZED (SELECT o.id, o.region_code, o.legal_form FROM organization o WHERE %s LIMIT :cap)
            SELECT 'category' AS facet, c.code AS value, 1 AS n, m.id AS organization FROM m
            JOIN organization_category c ON c.organization_id = m.id AND c.direction = 'OFFERED'
            UNION ALL
            SELECT 'region', m.region_code, count(*), NULL FROM m WHERE m.region_code IS NOT NULL GROUP BY m.region_code
            UNION ALL
            SELECT 'kind', m.legal_form, count(*), NULL FROM m GROUP BY m.legal_form
            UNION ALL
            SELECT 'total', '', count(*), NULL FROM m
            """;

    private final JdbcClient jdbc;

    OrganizationSearchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How near a word must be to a word of the names to count as a typo of it. pg_trgm's default (0.3) lets in words
     * sharing a third of their trigrams; 0.5 still finds a letter left out of the middle of a word ("Nothern" is 0.55
     * from "Northern"). Set for the calling transaction only.
     */
    private static final String TYPO_THRESHOLD = "0.5";

    /** The name words a typo away kept per search word, the nearest first. */
    private static final int NEAR_WORDS = 5;

    /**
     * The name words a typo away from a search word, through the word list's trigram index: a few tens of thousands
     * of words instead of every organization's name.
     */
    private static final String NEAR = """
            SELECT word FROM organization_name_word WHERE word % :word
            ORDER BY similarity(word, :word) DESC, word LIMIT :n""";

    /** Whether a word of the search could be a typo: only then is a search that found nothing worth repeating. */
    public boolean typoPossible(OrganizationFilter f) {
        return OrganizationSearchSql.typoPossible(f);
    }

    /** One page (size + 1 rows, to know whether another follows); {@code typos} also matches words a typo away. */
    public List<Row> page(OrganizationFilter f, boolean typos) {
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query().listOfRows();
        Typos near = typos(f, typos);
        Map<String, Object> params = new HashMap<>();
        String where = OrganizationSearchSql.where(f, near, params);
        String sql;
        if (f.ranked()) {
            String after = "TRUE";
            if (f.cursor() != null) {
                after = "(c.rank < CAST(:afterRank AS real) OR (c.rank = CAST(:afterRank AS real) "
                        + "AND (c.sort_name, c.id) > (:afterName, :afterId)))";
                params.put("afterRank", f.cursor().rank());
            }
            sql = BY_RELEVANCE.formatted(COLUMNS, OrganizationSearchSql.rank(f, near, params), where, after);
            params.put("cap", OrganizationFilters.CAP + 1);
        } else {
            if (f.cursor() != null) {
                where += " AND (lower(o.short_name), o.id) > (:afterName, :afterId)";
            }
            sql = BY_NAME.formatted(COLUMNS, where);
        }
        if (f.cursor() != null) {
            params.put("afterName", f.cursor().name());
            params.put("afterId", f.cursor().id());
        }
        params.put("limit", f.size() + 1);
        params.put("offset", f.cursor() == null ? (long) f.page() * f.size() : 0L);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(
                new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("short_name"),
                rs.getString("full_name"), rs.getString("country").trim(), rs.getString("tax_id"),
                rs.getString("region_code"), rs.getBoolean("sme"), OrganizationStatus.valueOf(rs.getString("status")),
                rs.getString("sort_name"), rs.getObject("rank") == null ? null : rs.getFloat("rank"),
                rs.getLong("matches"))).list();
    }

    /** Whether anything matches the words as typed (deciding whether later pages of a search are of typos). */
    public boolean any(OrganizationFilter f) {
        Map<String, Object> params = new HashMap<>();
        String where = OrganizationSearchSql.where(f, Typos.NONE, params);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organization o WHERE " + where + ")").params(params)
                .query(Boolean.class).single();
    }

    /** How many match, counted up to the cap plus one (so "more than the cap" is known). */
    public long count(OrganizationFilter f, boolean typos) {
        Map<String, Object> params = new HashMap<>();
        String where = OrganizationSearchSql.where(f, typos(f, typos), params);
        params.put("cap", OrganizationFilters.CAP + 1);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM organization o WHERE " + where + " LIMIT :cap) m")
                .params(params).query(Long.class).single();
    }

    /** The facets' rows over the first matches (see {@link FacetRow}). */
    public List<FacetRow> facets(OrganizationFilter f, boolean typos) {
        Map<String, Object> params = new HashMap<>();
        String where = OrganizationSearchSql.where(f, typos(f, typos), params);
        params.put("cap", OrganizationFilters.CAP + 1);
        return jdbc.sql(FACETS.formatted(where)).params(params).query((rs, n) -> new FacetRow(rs.getString("facet"),
                rs.getString("value"), rs.getLong("n"), rs.getObject("organization", UUID.class))).list();
    }

    /** The name words a typo away from each word of 5+ letters, when typos are forgiven. */
    private Typos typos(OrganizationFilter f, boolean forgiven) {
        if (!forgiven || !OrganizationSearchSql.typoPossible(f)) {
            return Typos.NONE;
        }
        jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', :t, true)").param("t", TYPO_THRESHOLD)
                .query().listOfRows();
        List<String> words = new ArrayList<>(f.words());
        f.named().forEach(n -> words.add(n.words()));
        Map<String, List<String>> near = new HashMap<>();
        for (String word : words) {
            if (OrganizationSearchSql.longEnough(word) && !near.containsKey(word)) {
                near.put(word, jdbc.sql(NEAR).param("word", word.toLowerCase(Locale.ROOT)).param("n", NEAR_WORDS)
                        .query(String.class).list());
            }
        }
        return new Typos(near);
    }

    /** The categories each organization offers, in one query for a page. */
    public Map<OrganizationId, List<String>> offered(List<OrganizationId> ids) {
        Map<OrganizationId, TreeSet<String>> byOrg = new HashMap<>();
        jdbc.sql("SELECT organization_id, code FROM organization_category "
                        + "WHERE organization_id = ANY (:ids) AND direction = 'OFFERED'")
                .param("ids", ids.stream().map(OrganizationId::value).toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> byOrg.computeIfAbsent(
                        new OrganizationId(rs.getObject("organization_id", UUID.class)), k -> new TreeSet<>())
                        .add(rs.getString("code")));
        Map<OrganizationId, List<String>> result = new HashMap<>();
        byOrg.forEach((id, codes) -> result.put(id, List.copyOf(codes)));
        return result;
    }
}
