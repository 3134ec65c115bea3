package org.openetp.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The synonyms table and the look-up of the categories a phrase names. */
@Repository
class SynonymRepository {

    /**
     * For each phrase, the categories it names: by a synonym (Russian and English ones compared as stemmed words, so
     * "ноутбуки" is "ноутбук"; Thai ones as text inside the phrase, Thai having no spaces between words), or by the
     * category's own name holding all its words (pref 1); a typo of 5+ letters still names a category whose
     * synonym is close in trigrams (pref 2).
     */
    private static final String NAMED = """
            WITH p AS (
                SELECT phrase, phrase ~ '[ก-๛]' AS thai, plainto_tsquery('russian', phrase) AS words,
                       char_length(phrase) >= 5 AND phrase !~ '\\s' AS typo_able
                FROM unnest(CAST(:phrases AS text[])) AS t (phrase)
            )
            SELECT p.phrase, s.category_code AS code, 0 AS pref
            FROM p JOIN classifier_synonym s
              ON CASE WHEN p.thai THEN s.language = 'th' AND strpos(lower(p.phrase), lower(s.term)) > 0
                      ELSE s.language <> 'th' AND numnode(p.words) > 0
                           AND p.words = plainto_tsquery('russian', s.term) END
            UNION ALL
            SELECT p.phrase, c.code, 1
            FROM p JOIN classifier_category c
              ON CASE WHEN p.thai THEN char_length(p.phrase) >= 3 AND strpos(c.name_th, p.phrase) > 0
                      ELSE numnode(p.words) > 0 AND c.name_words @@ p.words END
            UNION ALL
            SELECT p.phrase, s.category_code, 2
            FROM p JOIN classifier_synonym s
              ON p.typo_able AND char_length(s.term) >= 5 AND similarity(lower(p.phrase), lower(s.term)) >= 0.5
            ORDER BY 1, 3, 2
            """;

    record Named(String phrase, String code, int pref) {
    }

    private final JdbcClient jdbc;

    SynonymRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Named> named(List<String> phrases) {
        return jdbc.sql(NAMED).param("phrases", phrases.toArray(String[]::new))
                .query((rs, n) -> new Named(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    List<Synonym> all() {
        return jdbc.sql("SELECT category_code, language, term FROM classifier_synonym "
                        + "ORDER BY category_code, language, term")
                .query((rs, n) -> new Synonym(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    List<Synonym> of(String categoryCode) {
        return jdbc.sql("SELECT category_code, language, term FROM classifier_synonym WHERE category_code = :code "
                        + "ORDER BY language, term").param("code", categoryCode)
                .query((rs, n) -> new Synonym(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Whether it was new. */
    boolean add(Synonym synonym) {
        return jdbc.sql("INSERT INTO classifier_synonym (category_code, language, term) VALUES (:code, :language, :term) "
                        + "ON CONFLICT DO NOTHING")
                .param("code", synonym.categoryCode()).param("language", synonym.language())
                .param("term", synonym.term()).update() > 0;
    }

    /** Whether it was there. */
    boolean remove(Synonym synonym) {
        return jdbc.sql("DELETE FROM classifier_synonym WHERE category_code = :code AND language = :language "
                        + "AND term = :term")
                .param("code", synonym.categoryCode()).param("language", synonym.language())
                .param("term", synonym.term()).update() > 0;
    }

    static Map<String, List<Named>> byPhrase(List<Named> rows) {
        Map<String, List<Named>> result = new LinkedHashMap<>();
        rows.forEach(r -> result.computeIfAbsent(r.phrase(), k -> new ArrayList<>()).add(r));
        return result;
    }
}
