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
 * The SQL of organization search (issue 19 item 3). Names match through the stemmed words or the trigram index
 * (Thai substrings, a typo in a word of 5+ letters); a tax id by prefix; categories through the (code, direction)
 * index of the categories offered. Results come by name then id, read from the (lower(short_name), id) indexes,
 * so that a broad search stops after one page instead of sorting every match. Only fixed fragments go into the
 * text; every value the client sent travels as a parameter.
 */
@Repository
public class OrganizationSearchRows {

    /** A row of the search, before its categories are read. */
    public record Row(OrganizationId id, String shortName, String fullName, String country, String taxId,
            @Nullable String region, boolean sme, OrganizationStatus status, String sortName) {
    }

    private static final int FUZZY_MIN_LENGTH = 5;

    private final JdbcClient jdbc;

    OrganizationSearchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How near a word must be to a word of the name to count as a typo of it. pg_trgm's default (0.6) misses a letter
     * left out of the middle of a word ("Nothern" is 0.55 from "Northern"); 0.5 still wants half the trigrams shared.
     * Set for the calling transaction only.
     */
    private static final String TYPO_THRESHOLD = "0.5";

    /** One page (size + 1 rows, to know whether another follows). */
    public List<Row> page(OrganizationFilter f) {
        jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :t, true)").param("t", TYPO_THRESHOLD)
                .query(String.class).single();
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        if (f.cursor() != null) {
            where += " AND (lower(o.short_name), o.id) > (:afterName, :afterId)";
            params.put("afterName", f.cursor().name());
            params.put("afterId", f.cursor().id());
        }
        String sql = """
                SELECT o.id, o.short_name, o.full_name, o.country, o.tax_id, o.region_code, o.sme, o.status,
                       lower(o.short_name) AS sort_name
                FROM organization o WHERE %s
                ORDER BY lower(o.short_name), o.id LIMIT :limit OFFSET :offset""".formatted(where);
        params.put("limit", f.size() + 1);
        params.put("offset", f.cursor() == null ? (long) f.page() * f.size() : 0L);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(
                new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("short_name"),
                rs.getString("full_name"), rs.getString("country").trim(), rs.getString("tax_id"),
                rs.getString("region_code"), rs.getBoolean("sme"), OrganizationStatus.valueOf(rs.getString("status")),
                rs.getString("sort_name"))).list();
    }

    /** How many match, counted up to the cap plus one (so "more than the cap" is known). */
    public long count(OrganizationFilter f) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, params);
        params.put("cap", OrganizationFilters.CAP + 1);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM organization o WHERE " + where + " LIMIT :cap) m")
                .params(params).query(Long.class).single();
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

    private static String where(OrganizationFilter f, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (f.statuses().size() == 1) {
            // A plain equality lets the accredited organizations' own name index serve.
            where.add("o.status = :status");
            params.put("status", f.statuses().getFirst().name());
        } else if (!f.statuses().isEmpty()) {
            where.add("o.status = ANY (CAST(:statuses AS text[]))");
            params.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.taxPrefix() != null) {
            where.add("o.tax_id LIKE :taxPrefix");
            params.put("taxPrefix", f.taxPrefix() + "%");
        }
        for (int i = 0; i < f.words().size(); i++) {
            where.add(word(f.thai(), f.words().get(i), "w" + i, params));
        }
        for (int k = 0; k < f.named().size(); k++) {
            // Words naming a category match the name, or an organization offering that category (any language).
            OrganizationFilter.Named named = f.named().get(k);
            where.add("(" + word(f.thai(), named.words(), "n" + k, params) + " OR " + offers("nc" + k) + ")");
            params.put("nc" + k, named.codes().toArray(String[]::new));
        }
        if (!f.regions().isEmpty()) {
            where.add("o.region_code = ANY (CAST(:regions AS text[]))");
            params.put("regions", f.regions().toArray(String[]::new));
        }
        if (!f.offered().isEmpty()) {
            where.add(offers("offered"));
            params.put("offered", f.offered().toArray(String[]::new));
        }
        return where.isEmpty() ? "TRUE" : String.join(" AND ", where);
    }

    /** One word: Thai as a substring; others stemmed, or (5+ letters) a typo away in any word of the name. */
    private static String word(boolean thai, String word, String name, Map<String, Object> params) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (thai) {
            params.put(name, "%" + escapeLike(lower) + "%");
            return "o.name_text LIKE :" + name;
        }
        params.put(name, word);
        String stemmed = "o.name_words @@ plainto_tsquery('russian', :" + name + ")";
        if (lower.codePointCount(0, lower.length()) < FUZZY_MIN_LENGTH) {
            return stemmed;
        }
        params.put(name + "f", lower);
        return "(" + stemmed + " OR :" + name + "f <% o.name_text)";
    }

    private static String offers(String param) {
        return "EXISTS (SELECT 1 FROM organization_category c WHERE c.organization_id = o.id"
                + " AND c.direction = 'OFFERED' AND c.code = ANY (CAST(:" + param + " AS text[])))";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
