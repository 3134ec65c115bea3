package org.openetp.organization.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openetp.organization.search.OrganizationFilter;

/**
 * The WHERE conditions and the relevance of an organization search, over the rows of {@code o}. Only fixed fragments
 * go into the text; every value the client sent travels as a parameter. With {@code typos} (the words of the names a
 * typo away from each word of 5+ letters, see {@link Typos}) a word also matches the names holding one of them: the
 * search asks for that only when the words as typed found nothing, since beside exact matches typos only add noise
 * ("Northern" would bring every "Nordern", "Southern"...).
 */
final class OrganizationSearchSql {

    static final int FUZZY_MIN_LENGTH = 5;

    private OrganizationSearchSql() {
    }

    static String where(OrganizationFilter f, Typos typos, Map<String, Object> params) {
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
            where.add(word(f.thai(), typos, f.words().get(i), "w" + i, params));
        }
        for (int k = 0; k < f.named().size(); k++) {
            // Words naming a category match the name, or an organization offering that category (any language).
            OrganizationFilter.Named named = f.named().get(k);
            where.add("(" + word(f.thai(), typos, named.words(), "n" + k, params) + " OR " + offers("nc" + k) + ")");
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

    /**
     * How well a name answers the words (higher first), over the parameters {@link #where} set. A short name equal to
     * the query comes first; then, per word, the stemmed word's rank in the names normalized by their length (so
     * "Ромашка" before "Ромашка и партнёры, торговый дом"), or for Thai the earlier the substring the better, or for a
     * typo the rank of the name words a typo away. Organizations found only by a category they offer rank below those
     * whose names hold the words.
     */
    static String rank(OrganizationFilter f, Typos typos, Map<String, Object> params) {
        List<String> terms = new ArrayList<>();
        params.put("whole", f.query().strip().toLowerCase(Locale.ROOT));
        terms.add("CASE WHEN lower(o.short_name) = :whole THEN 1.0 ELSE 0.0 END");
        for (int i = 0; i < f.words().size(); i++) {
            terms.add(wordRank(f.thai(), typos, f.words().get(i), "w" + i, params));
        }
        for (int k = 0; k < f.named().size(); k++) {
            terms.add(wordRank(f.thai(), typos, f.named().get(k).words(), "n" + k, params));
        }
        return String.join(" + ", terms);
    }

    /** Whether some word could be a typo of a name's word: only those search again when nothing matched. */
    static boolean typoPossible(OrganizationFilter f) {
        return !f.thai() && (f.words().stream().anyMatch(OrganizationSearchSql::longEnough)
                || f.named().stream().anyMatch(n -> longEnough(n.words())));
    }

    static boolean longEnough(String word) {
        return word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH;
    }

    /** One word: Thai as a substring; others stemmed, or (when asked) one of the name words a typo away from it. */
    private static String word(boolean thai, Typos typos, String word, String name, Map<String, Object> params) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (thai) {
            params.put(name, "%" + escapeLike(lower) + "%");
            return "o.name_text LIKE :" + name;
        }
        params.put(name, word);
        String stemmed = "o.name_words @@ plainto_tsquery('russian', :" + name + ")";
        String near = typos.query(word);
        if (near == null) {
            return stemmed;
        }
        params.put(name + "f", near);
        return "(" + stemmed + " OR o.name_words @@ to_tsquery('russian', :" + name + "f))";
    }

    private static String wordRank(boolean thai, Typos typos, String word, String name, Map<String, Object> params) {
        if (thai) {
            params.put(name + "r", word.toLowerCase(Locale.ROOT));
            return "COALESCE(1.0 / NULLIF(strpos(o.name_text, :" + name + "r), 0), 0)";
        }
        String stemmed = "ts_rank(o.name_words, plainto_tsquery('russian', :" + name + "), 1)";
        return typos.query(word) == null ? stemmed
                : "(" + stemmed + " + ts_rank(o.name_words, to_tsquery('russian', :" + name + "f), 1))";
    }

    private static String offers(String param) {
        return "EXISTS (SELECT 1 FROM organization_category c WHERE c.organization_id = o.id"
                + " AND c.direction = 'OFFERED' AND c.code = ANY (CAST(:" + param + " AS text[])))";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
